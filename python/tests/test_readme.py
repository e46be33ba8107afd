"""The README's Python examples run as written (with this test's dratsd and checkpoint)."""

import re

from conftest import REPOSITORY


def python_blocks(path):
    return re.findall(r"```python\n(.*?)```", path.read_text(), flags=re.S)


def all_blocks():
    return python_blocks(REPOSITORY / "README.md") + python_blocks(REPOSITORY / "python" / "README.md")


def test_readme_examples_run(dratsd_path, capsys):
    blocks = [b for b in all_blocks() if "load_policy" not in b]
    assert len(blocks) == 2
    for block in blocks:
        assert len(block.strip().splitlines()) == 5
        code = block.replace('dratsd_path=".build/release/dratsd"', f"dratsd_path={dratsd_path!r}")
        code = code.replace('gymnasium.make("drats/reach-v3")', f'gymnasium.make("drats/reach-v3", dratsd_path={dratsd_path!r})')
        assert dratsd_path in code
        exec(compile(code, "README example", "exec"), {})
        reward, success = capsys.readouterr().out.split()
        assert 0.0 <= float(reward) <= 10.0 and success in ("True", "False")


def test_readme_checkpoint_example_runs(train_checkpoint, capsys):
    blocks = [b for b in all_blocks() if "load_policy" in b]
    assert len(blocks) == 1
    block = blocks[0]
    assert len(block.strip().splitlines()) == 5
    checkpoint = str(train_checkpoint("mt10-relu-state-dependent"))
    code, replaced = re.subn(r'load_policy\("[^"]*"\)', f"load_policy({checkpoint!r})", block)
    assert replaced == 1
    exec(compile(code, "README checkpoint example", "exec"), {})
    printed = capsys.readouterr().out
    assert printed.startswith("('reach-v3', 'push-v3') [")
    # numpy pads the array's columns to a common width, so whether "]" stands apart depends on
    # the action values, which depend on the trained checkpoint (and so on the BLAS kernel):
    # read the numbers between the brackets instead of counting tokens.
    inside = printed.split("[", 1)[1].split("]", 1)[0]
    actions = [float(value) for value in inside.split()]
    assert len(actions) == 4 and all(-10 < value < 10 for value in actions)
