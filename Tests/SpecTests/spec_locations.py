"""Line and column of every key and value in a YAML (or JSON) spec, for compiler-style messages."""

import yaml


class SpecLocations:
    """Maps a path of keys and indices (`["paths", "/ping", "get"]`) to where the YAML holds it."""

    def __init__(self, text):
        self.keys = {}
        self.values = {}
        try:
            root = yaml.compose(text)
        except yaml.YAMLError:
            root = None
        if root is not None:
            self._visit(root, ())

    def _visit(self, node, path):
        self.values.setdefault(path, node.start_mark)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = path + (str(key.value),)
                self.keys.setdefault(child, key.start_mark)
                self._visit(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                child = path + (str(index),)
                self.keys.setdefault(child, value.start_mark)
                self._visit(value, child)

    def locate(self, parts):
        """`(line, column)`, 1-based, of the key at `parts`, or of its nearest ancestor."""
        path = tuple(str(part) for part in parts or ())
        while path:
            mark = self.keys.get(path)
            if mark is not None:
                return mark.line + 1, mark.column + 1
            path = path[:-1]
        return None


def diagnostic(path, location, message, severity="error"):
    """`file:line:column: error: message`, or `file: error: message` when there is no line."""
    if location is None:
        return f"{path}: {severity}: {message}"
    line, column = location
    return f"{path}:{line}:{column}: {severity}: {message}"
