def fill_doc(function):
    """Private helper: its docstring is never rendered, so :term:`nowhere` is not checked."""
    return function
