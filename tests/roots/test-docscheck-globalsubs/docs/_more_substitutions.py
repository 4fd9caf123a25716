more_substitutions = dict({"gizmo": ":term:`gizmo`"}, misspelt=":term:`widgit`")
