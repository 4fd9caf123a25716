"""Substitutions every page may use (sphinxcontrib-globalsubs), as PlasmaPy writes them."""

term_subs: dict[str, str] = {
    "widget": ":term:`widget`",
    "argument": r":term:`argument`\ ",
    "after-text": "the :term:`hidden gizmo`",
}
link_targets = {"Python": "https://www.python.org"}
link_subs = {key: f"`{key} <{value}>`_" for key, value in link_targets.items()}
global_substitutions = term_subs | link_subs
