#!/usr/bin/env python3
"""Render a chat template with jinja2 exactly as Hugging Face transformers does (dev-only; makes test goldens).

transformers compiles chat templates in `ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)`
with the loop-controls extension and its `{% generation %}` tag, replaces the `tojson` filter by
`json.dumps(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)`, adds the globals
`raise_exception(message)` and `strftime_now(format)`, and renders with
`messages=…, tools=…, documents=…, add_generation_prompt=…, **special_tokens, **kwargs`.

Usage:
  render-chat-template.py TEMPLATE CONVERSATION.json [--now 2024-07-26T09:30:00]
      Print the rendering (no newline added). CONVERSATION.json: {"messages": [...],
      "add_generation_prompt": bool, "bos_token": str, "eos_token": str, "variables": {...}}.
  render-chat-template.py --goldens FIXTURES_DIR [--now ...]
      For every FIXTURES_DIR/templates/T.jinja (with optional T.json giving its bos_token/eos_token) and
      FIXTURES_DIR/conversations/C.json (whose optional "templates" list names the templates it applies to)
      write FIXTURES_DIR/expected/T__C.txt, or T__C.error.txt holding the jinja2 error when rendering fails.
  render-chat-template.py --cases CASES.json [--now ...]
      Rewrite CASES.json, a list of {"name", "template", "context"}, with "expected" (the rendering) or
      "error" (the jinja2 exception) for each case.
Requires jinja2 >= 3.1 (pip install jinja2).
"""
import argparse
import datetime
import json
import os
import sys

import jinja2
import jinja2.ext
import jinja2.nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment


class GenerationTag(jinja2.ext.Extension):
    """transformers' `{% generation %}…{% endgeneration %}`: renders its body (mask tracking left out)."""

    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return jinja2.nodes.CallBlock(self.call_method("_render"), [], [], body).set_lineno(lineno)

    def _render(self, caller):
        return caller()


def make_environment(now):
    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    def strftime_now(format):
        return (now or datetime.datetime.now()).strftime(format)

    env = ImmutableSandboxedEnvironment(
        trim_blocks=True, lstrip_blocks=True, extensions=[GenerationTag, jinja2.ext.loopcontrols]
    )
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


def render_conversation(env, template_text, conversation):
    kwargs = {"bos_token": conversation.get("bos_token", ""), "eos_token": conversation.get("eos_token", "")}
    kwargs.update(conversation.get("variables", {}))
    tools = kwargs.pop("tools", None)
    documents = kwargs.pop("documents", None)
    return env.from_string(template_text).render(
        messages=conversation["messages"],
        tools=tools,
        documents=documents,
        add_generation_prompt=conversation.get("add_generation_prompt", False),
        **kwargs,
    )


def describe(error):
    return f"{type(error).__name__}: {error}"


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def read_text(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def make_goldens(env, root):
    templates_dir = os.path.join(root, "templates")
    conversations_dir = os.path.join(root, "conversations")
    expected_dir = os.path.join(root, "expected")
    os.makedirs(expected_dir, exist_ok=True)
    for name in os.listdir(expected_dir):
        os.remove(os.path.join(expected_dir, name))
    count = 0
    for template_file in sorted(os.listdir(templates_dir)):
        template_name = template_file.rsplit(".", 1)[0]
        if not template_file.endswith(".jinja"):
            continue
        template_text = read_text(os.path.join(templates_dir, template_file))
        tokens_path = os.path.join(templates_dir, template_name + ".json")
        tokens = {}
        if os.path.exists(tokens_path):
            with open(tokens_path, encoding="utf-8") as handle:
                tokens = json.load(handle)
        for conversation_file in sorted(os.listdir(conversations_dir)):
            conversation_name = conversation_file.rsplit(".", 1)[0]
            with open(os.path.join(conversations_dir, conversation_file), encoding="utf-8") as handle:
                conversation = {**tokens, **json.load(handle)}
            if "templates" in conversation and template_name not in conversation["templates"]:
                continue
            stem = os.path.join(expected_dir, f"{template_name}__{conversation_name}")
            try:
                write_text(stem + ".txt", render_conversation(env, template_text, conversation))
            except Exception as error:  # the golden records jinja2's failure
                write_text(stem + ".error.txt", describe(error))
            count += 1
    print(f"wrote {count} goldens to {expected_dir}")


def fill_cases(env, path):
    with open(path, encoding="utf-8") as handle:
        cases = json.load(handle)
    for case in cases:
        case.pop("expected", None)
        case.pop("error", None)
        try:
            case["expected"] = env.from_string(case["template"]).render(**case.get("context", {}))
        except Exception as error:
            case["error"] = describe(error)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(cases, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    print(f"filled {len(cases)} cases in {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("template", nargs="?")
    parser.add_argument("conversation", nargs="?")
    parser.add_argument("--goldens", metavar="FIXTURES_DIR")
    parser.add_argument("--cases", metavar="CASES_JSON")
    parser.add_argument("--now", help="fixed time for strftime_now, ISO 8601 (default: the real clock)")
    args = parser.parse_args()
    env = make_environment(datetime.datetime.fromisoformat(args.now) if args.now else None)
    if args.goldens:
        make_goldens(env, args.goldens)
    elif args.cases:
        fill_cases(env, args.cases)
    elif args.template and args.conversation:
        with open(args.conversation, encoding="utf-8") as handle:
            conversation = json.load(handle)
        try:
            sys.stdout.write(render_conversation(env, read_text(args.template), conversation))
        except Exception as error:
            print(describe(error), file=sys.stderr)
            return 1
    else:
        parser.error("give TEMPLATE CONVERSATION, --goldens or --cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
