"""The README's Python examples run as written (with this test's dratsd)."""

import re

from conftest import REPOSITORY


def python_blocks(path):
    return re.findall(r"```python\n(.*?)```", path.read_text(), flags=re.S)


def test_readme_examples_run(dratsd_path, capsys):
    blocks = python_blocks(REPOSITORY / "README.md") + python_blocks(REPOSITORY / "python" / "README.md")
    assert len(blocks) == 2
    for block in blocks:
        assert len(block.strip().splitlines()) == 5
        code = block.replace('dratsd_path=".build/release/dratsd"', f"dratsd_path={dratsd_path!r}")
        code = code.replace('gymnasium.make("drats/reach-v3")', f'gymnasium.make("drats/reach-v3", dratsd_path={dratsd_path!r})')
        assert dratsd_path in code
        exec(compile(code, "README example", "exec"), {})
        reward, success = capsys.readouterr().out.split()
        assert 0.0 <= float(reward) <= 10.0 and success in ("True", "False")
