"""The permission matrix: every route the site answers, for every role, with its expected answer.

Every route of the URL configuration (Wagtail's admin included) and every page type and page
sub-route (the quiz's ``bat-dau/``, ``luot/<n>/``…) must be covered by a ``Rule`` in the
``RULES`` of one of the per-app modules:

- ``test_home.py``: search, the language switch, documents, page privacy forms, the home page;
- ``test_learners.py``: signing in and out, profile, password, staff import, agencies, users,
  groups;
- ``test_courses.py``: tags, dashboard, transcript, lesson progress, certificates, course pages,
  assignments, the slide import, deleting pages with records, lecturer snippets;
- ``test_quizzes.py``: the quiz page and its sub-routes, quiz statistics, the question pool;
- ``test_reports.py``: the HR reports;
- ``test_wagtail_admin.py``: Wagtail's own admin sections that no project code adds (pages,
  images, documents, snippets, workflows, …), grouped by prefix and tested through
  representative URLs.

``test_routes.py`` gathers those tables: ``test_route_has_a_rule`` fails, naming the route, when
someone adds a URL without a rule; ``test_every_rule_matches_a_route`` fails for a rule left
behind by a renamed URL; rule ids are unique; each probe's URL resolves to a route its rule
covers.

The other files: ``core.py`` (roles, expected answers such as ``OK``, ``LOGIN``,
``admin_view(...)``, ``Probe``, ``Rule``, the walk over every route), ``world.py`` (the data),
``checks.py`` (probe builders like ``url``/``obj``/``page_url``, checks like ``scoped``,
``hides``, ``changed_only_for``, and the expectations several apps share), ``runner.py`` (running
a rule as a role) and ``conftest.py`` (the ``world`` fixture).

The seven roles:

- ``anonymous``;
- ``trainee_a``, the owner of the attempt, the certificates and the progress (district 1);
- ``trainee_b``, another trainee (district 2);
- ``trainer`` (group "Giảng viên");
- ``hr_other``, HR officer ("Cán bộ tổ chức") of district 2, whose scope does not hold A;
- ``hr_province``, HR officer of the province, whose scope holds everyone;
- ``admin``, a superuser.

``test_access[<rule>-<role>]`` (in each per-app module) runs the rule's probes as that role and
reports every probe that answered wrongly, showed something outside the role's scope, or
changed what it should not have. The world is made once for the package (in a transaction
rolled back at the end); each probe runs in its own savepoint, with the role's session and an
empty cache, so a POST that changes something (or signs out) never leaks into the next probe or
test.

Adding a row: in the module of the app that serves the route, append to its ``RULES``::

    Rule(
        "reminders",                                   # the id: test_access[reminders-<role>]
        ("admin/reminders/", "admin/reminders/<int:pk>/"),  # routes as Django writes them
        (                                              # one or more probes
            Probe("/admin/reminders/", RECORDS, check=scoped()),
            Probe(url("reminders:edit", obj("assignment_1.pk")), RECORDS_OF_A, method="post",
                  data={...}, effect=changed_only_for(("hr_province", "admin"), ..., "...")),
        ),
        why="HR officers, within their scope",
    ),

Routes end with ``*`` to cover a prefix; page routes are ``page:<app>.<model>`` and
``page:<app>.<model>:<sub-route>``. Every probe needs an answer for all seven roles (``everyone``,
``signed_in``, ``admin_view``, ``admin_only``, ``trainer_view`` build them). If the probe needs
something the world lacks, add it to ``world.py`` (``objects[...]``), keeping the other roles
free of records of their own. A role in a rule's ``bugs`` (``bugs={"trainer": "why"}``) is a
known access bug: its row keeps the correct expectation and is a strict xfail, which fails once
the bug is fixed so that the marker is removed; no rule has one today.
"""
