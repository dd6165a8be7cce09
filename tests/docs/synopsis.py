"""Checks a command line or synopsis as the docs write it (``z-report [--date D] [--pdf DIR]``)
against the program's own argparse parser: the command exists, every option exists for it, an
option that takes a value is shown with one and a switch is shown without."""

from __future__ import annotations

import argparse
import re

_COMMAND_WORD = re.compile(r"[a-z][a-z0-9-]*")
_NOT_A_VALUE = ("-", "[", "(", "|", "&", "#", "…", ">", ";")


def problems(parser: argparse.ArgumentParser, words: list[str]) -> list[str]:
    """What is wrong with ``words`` (the line after the program's name) for ``parser``."""
    chain, found = [parser], []
    tokens = [word.replace("\\|", "|") for word in words]
    index = 0
    while index < len(tokens):
        token = tokens[index].strip("[](),…")
        index += 1
        if token.startswith("--"):
            found += _option_problems(chain, token.split("=")[0], tokens, index)
            if _shown_with_value(tokens, index) and "=" not in tokens[index - 1]:
                index += 1
            continue
        commands = _subcommands(chain[-1])
        if commands is None or not _COMMAND_WORD.fullmatch(token):
            continue
        if token not in commands.choices:
            found.append(f"no command {token!r}")
            return found
        chain.append(commands.choices[token])
    return found


def _option_problems(chain: list[argparse.ArgumentParser], name: str, tokens: list[str],
                     index: int) -> list[str]:  # fmt: skip
    action = _option(chain, name)
    if action is None:
        return [f"{name}: no such option for {chain[-1].prog!r}"]
    following = tokens[index] if index < len(tokens) else ""
    shown_with_value = _shown_with_value(tokens, index) or "=" in tokens[index - 1]
    if action.nargs == 0 and shown_with_value:
        return [f"{name} takes no value, the text gives it {following!r}"]
    if action.nargs != 0 and not shown_with_value:
        return [f"{name} takes a value ({action.metavar or action.dest.upper()}), none shown"]
    return []


def _shown_with_value(tokens: list[str], index: int) -> bool:
    """Whether the option just read (``tokens[index - 1]``) is followed by its value."""
    following = tokens[index] if index < len(tokens) else ""
    closed = tokens[index - 1].rstrip("…,").endswith(("]", ")"))
    return bool(following) and not closed and not following.startswith(_NOT_A_VALUE)


def missing_required(parser: argparse.ArgumentParser, words: list[str],
                     except_for: frozenset[str] = frozenset()) -> list[str]:  # fmt: skip
    """The required options of the command ``words`` name that they do not show."""
    chain = [parser]
    for word in words:
        commands = _subcommands(chain[-1])
        if commands is not None and word in commands.choices:
            chain.append(commands.choices[word])
    shown = {word.strip("[](),…").split("=")[0] for word in words}
    return [
        f"{action.option_strings[0]} is required, not shown"
        for action in chain[-1]._actions
        if action.required
        and action.option_strings
        and not shown & set(action.option_strings)
        and action.option_strings[0] not in except_for
    ]


def _option(chain: list[argparse.ArgumentParser], name: str) -> argparse.Action | None:
    for parser in reversed(chain):
        for action in parser._actions:
            if name in action.option_strings:
                return action
    return None


def _subcommands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:  # type: ignore[type-arg]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None
