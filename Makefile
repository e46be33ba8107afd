# drats: build, test and benchmark. `make test` and `make run` set up a fresh Debian machine
# themselves (apt packages), then build with optimisation: the numeric code is far too slow in
# debug builds for its tests.

SWIFT     ?= swift
# -enable-testing lets test targets use @testable import in an optimised build.
SWIFTOPTS ?= -c release -Xswiftc -enable-testing
APT_PKGS  := libode-dev libblas-dev liblapacke-dev libopenblas-dev libsqlite3-dev zlib1g-dev pkg-config
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN       := $(shell $(SWIFT) build $(SWIFTOPTS) --show-bin-path 2>/dev/null)/dratsd
PREFIX    ?= /usr/local
# systemd's directory for units installed by the administrator.
UNITDIR   ?= /etc/systemd/system
# `make run` keeps its runs here (in the repository, git-ignored) unless told otherwise.
STATE_DIR ?= $(CURDIR)/.drats-state

.PHONY: deps python-deps build run test test-kernels python-test bench metaworld-venv bench-metaworld check-metaworld-policies experiment experiment-report archive archive-in-progress clean install install-files

## deps: install, when missing, the C libraries (ODE, BLAS/LAPACKE, OpenBLAS, SQLite for GRDB,
##       zlib for PNG) with apt-get and the Python safetensors + numpy packages (interop tests) with pip.
deps:
	@if pkg-config --exists ode 2>/dev/null \
	   && [ -f /usr/include/lapacke.h ] \
	   && [ -f /usr/include/sqlite3.h ] \
	   && [ -f /usr/include/zlib.h ] \
	   && [ -f /usr/include/x86_64-linux-gnu/cblas.h -o -f /usr/include/cblas.h ] \
	   && ls /usr/lib/*/openblas-pthread/libblas.so.3 >/dev/null 2>&1; then \
	  echo "deps: ODE $$(pkg-config --modversion ode), BLAS, LAPACKE, OpenBLAS, SQLite and zlib present"; \
	else \
	  echo "deps: installing $(APT_PKGS)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  $(SUDO) apt-get install -y --no-install-recommends $(APT_PKGS) \
	  || { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $(APT_PKGS); }; \
	fi
	@# The safetensors interop tests check our files against the reference Python package.
	@if python3 -c "import safetensors, numpy" 2>/dev/null; then \
	  echo "deps: python safetensors and numpy present"; \
	else \
	  echo "deps: installing python safetensors and numpy"; \
	  python3 -m pip --version >/dev/null 2>&1 \
	  || $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-pip; \
	  python3 -m pip install safetensors numpy \
	  || python3 -m pip install --break-system-packages safetensors numpy; \
	fi

## python-deps: pip-install, when missing, what the Python package's tests need (gymnasium, pytest,
##              and tensorboard, whose own reader checks our event files).
python-deps: deps
	@if python3 -c "import gymnasium, pytest, tensorboard" 2>/dev/null; then \
	  echo "deps: python gymnasium, pytest and tensorboard present"; \
	else \
	  echo "deps: installing python gymnasium, pytest and tensorboard"; \
	  python3 -m pip install gymnasium pytest tensorboard \
	  || python3 -m pip install --break-system-packages gymnasium pytest tensorboard; \
	fi

## build: the optimised dratsd binary.
build: deps
	$(SWIFT) build $(SWIFTOPTS) --product dratsd

## run: trains configs/quickstart-mt10.yaml in the foreground with live progress (under a minute on
##      2 cores); the run folder is under $(STATE_DIR)/runs. Ctrl-C checkpoints and pauses it.
run: build
	$(BIN) train configs/quickstart-mt10.yaml --state-dir $(STATE_DIR)

## test: every test, built with optimisation, then the Python package's tests.
test: deps
	$(SWIFT) build $(SWIFTOPTS) --build-tests
	$(SWIFT) test $(SWIFTOPTS) --skip-build
	$(MAKE) python-test

## test-kernels: the tests whose numbers come out of training (PPO, trainer, experiments, runs,
##               policy serving), once per BLAS kernel and thread setting: OPENBLAS_CORETYPE as the
##               machine has it, unset, Haswell, SkylakeX, Zen and Prescott; OPENBLAS_NUM_THREADS=1;
##               and our small-batch kernel off. A verdict must not change with any of them. Not
##               part of `make test` (which never touches these variables); KERNEL_TESTS= (empty)
##               sweeps the whole Swift suite. Prints the pass count of each setting.
KERNEL_TESTS ?= PPOTests|TrainerTests|GridWorldTrainingTests|MetaWorldTrainingTests|RunExecutionTests|PolicyServingTests|SamplersTests|NetworksTests
test-kernels: deps
	$(SWIFT) build $(SWIFTOPTS) --build-tests
	@failed=0; mkdir -p .build/test-kernels; \
	for setting in "as-is" "-u OPENBLAS_CORETYPE" OPENBLAS_CORETYPE=Haswell OPENBLAS_CORETYPE=SkylakeX \
	               OPENBLAS_CORETYPE=Zen OPENBLAS_CORETYPE=Prescott OPENBLAS_NUM_THREADS=1 DRATS_SMALL_BATCH_KERNEL=off; do \
	  log=.build/test-kernels/$$(echo "$$setting" | tr -c 'A-Za-z0-9=\n' '_').log; \
	  if [ "$$setting" = as-is ]; then prefix=; else prefix="$$setting"; fi; \
	  env $$prefix $(SWIFT) test $(SWIFTOPTS) --skip-build $(if $(KERNEL_TESTS),--filter '$(KERNEL_TESTS)') >$$log 2>&1 || failed=1; \
	  printf '%-34s %s\n' "$$setting" "$$(grep -a -E '^. Test run with' $$log | tail -1 | sed 's/^. //')"; \
	done; \
	[ $$failed = 0 ] || { echo "test-kernels: a setting failed; its log is in .build/test-kernels/" >&2; exit 1; }

## python-test: installs python/ with pip and runs its pytest suite against the built dratsd.
##              Run from the top folder so that the tests import the installed package.
python-test: python-deps
	python3 -m pip install --quiet ./python \
	|| python3 -m pip install --quiet --break-system-packages ./python
	DRATSD=$(BIN) python3 -m pytest python/tests

## bench: performance figures: tables on screen, JSON in bench/env.json and bench/ppo.json; never asserted by tests.
bench: build
	mkdir -p bench
	$(BIN) bench env --json-file bench/env.json
	$(BIN) bench ppo --json-file bench/ppo.json

## The MetaWorld yardstick (issue 15): MetaWorld 3.1.1 and MuJoCo 3.3.0 from PyPI in a git-ignored
## virtual environment, never a dependency of the product or of `make test`. Our `python/`
## package is imported from the checkout (PYTHONPATH), so it is never a stale copy.
METAWORLD_VENV := $(CURDIR)/.venv-metaworld
METAWORLD_PY   := $(METAWORLD_VENV)/bin/python
METAWORLD_PINS := metaworld==3.1.1 mujoco==3.3.0 packaging

## metaworld-venv: creates $(METAWORLD_VENV) with the pinned MetaWorld and MuJoCo when missing.
metaworld-venv:
	@if [ -x $(METAWORLD_PY) ] && $(METAWORLD_PY) -c "from importlib.metadata import version as v; import packaging; assert v('metaworld') == '3.1.1' and v('mujoco') == '3.3.0'" 2>/dev/null; then \
	  echo "metaworld-venv: $(METAWORLD_VENV) has metaworld 3.1.1 and mujoco 3.3.0"; \
	else \
	  python3 -m venv $(METAWORLD_VENV) 2>/dev/null \
	  || { $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv && python3 -m venv $(METAWORLD_VENV); }; \
	  $(METAWORLD_VENV)/bin/pip install --quiet $(METAWORLD_PINS); \
	fi

## bench-metaworld: env steps/s of MetaWorld's full step, MuJoCo's physics alone and ours, side by
##                  side, interleaved over rounds (scripts/metaworld/bench_metaworld.py); table on
##                  screen, JSON in bench/metaworld.json. ARGS passes options (e.g. ARGS="--rounds 5").
bench-metaworld: build metaworld-venv
	PYTHONPATH=python $(METAWORLD_PY) scripts/metaworld/bench_metaworld.py --dratsd $(BIN) --json-file bench/metaworld.json $(ARGS)

## check-metaworld-policies: MetaWorld's published scripted policies, unmodified, on MetaWorld and
##                           on ours over 200 layouts per task; fails unless ours succeed at least
##                           as often minus 5 points (scripts/metaworld/check_policies.py). JSON in
##                           bench/metaworld-policies.json.
check-metaworld-policies: build metaworld-venv
	PYTHONPATH=python $(METAWORLD_PY) scripts/metaworld/check_policies.py --dratsd $(BIN) --json-file bench/metaworld-policies.json $(ARGS)

## experiment: queue the MT10 sampler comparison at 10M steps (configs/compare-mt10-10m/, budget in
##             their comments) in $(STATE_DIR) as one sweep: the five samplers x seeds 1-5, seed by
##             seed (so a comparison cut short has every sampler at equal seeds), 25 runs, 10-15
##             hours of this machine; `dratsd serve --max-concurrent 2 --state-dir $(STATE_DIR)`
##             trains them and resumes them after a stop. The sweep id and run ids go to experiment-runs.txt.
EXPERIMENT_CONFIG := configs/compare-mt10-10m/uniform.yaml
EXPERIMENT_SAMPLERS := uniform,drats,learning-progress,learning-potential,hard-first
experiment: build
	$(BIN) sweep $(EXPERIMENT_CONFIG) run.seed=1..5 sampler.kind=$(EXPERIMENT_SAMPLERS) run.name=compare-mt10-10m \
	  --name compare-mt10-10m --state-dir $(STATE_DIR) > experiment-runs.txt.partial
	mv experiment-runs.txt.partial experiment-runs.txt; cat experiment-runs.txt

## experiment-report: the comparison's tables and plots (dratsd report) of the sweep in experiment-runs.txt, into report/.
experiment-report: build
	$(BIN) report --sweep $$(grep '^s-' experiment-runs.txt) --state-dir $(STATE_DIR) --out report

## archive: copies the completed runs among the ids in RUNS (a file, one id per line, as make
##          experiment writes) from $(STATE_DIR) into results/$(NAME)/<id>/: config.yaml and
##          metrics.jsonl, which `dratsd report --folder` reads. Runs not completed are named and
##          left out. A state directory lives on one machine; results/ is kept in git.
archive: build
	@test -n "$(RUNS)" -a -n "$(NAME)" || { echo "archive: set RUNS=<file of run ids> and NAME=<folder under results/>" >&2; exit 2; }
	@mkdir -p results/$(NAME); \
	for id in $$(grep '^r-' $(RUNS)); do \
	  state=$$($(BIN) show $$id --state-dir $(STATE_DIR) | awk '$$1 == "state" {print $$2}'); \
	  if [ "$$state" != completed ]; then echo "archive: $$id is $${state:-unknown}, left out"; continue; fi; \
	  mkdir -p results/$(NAME)/$$id; \
	  cp $(STATE_DIR)/runs/$$id/config.yaml $(STATE_DIR)/runs/$$id/metrics.jsonl results/$(NAME)/$$id/; \
	  echo "archive: results/$(NAME)/$$id"; \
	done

## archive-in-progress: for runs among the ids in RUNS that have not completed (stop the service
##          first), copies config.yaml, metrics.jsonl, train.log and the newest checkpoint into
##          results/$(NAME)/<id>/ in the run-folder layout (checkpoint under checkpoints/), which
##          `dratsd import` takes into another state directory, where the run resumes.
archive-in-progress: build
	@test -n "$(RUNS)" -a -n "$(NAME)" || { echo "archive-in-progress: set RUNS=<file of run ids> and NAME=<folder under results/>" >&2; exit 2; }
	@mkdir -p results/$(NAME); \
	for id in $$(grep '^r-' $(RUNS)); do \
	  state=$$($(BIN) show $$id --state-dir $(STATE_DIR) | awk '$$1 == "state" {print $$2}'); \
	  case "$$state" in completed|"") echo "archive-in-progress: $$id is $${state:-unknown}, left out"; continue;; esac; \
	  newest=$$(ls $(STATE_DIR)/runs/$$id/checkpoints/step-*.safetensors 2>/dev/null | sort | tail -1); \
	  rm -rf results/$(NAME)/$$id; mkdir -p results/$(NAME)/$$id/checkpoints; \
	  cp $(STATE_DIR)/runs/$$id/config.yaml $(STATE_DIR)/runs/$$id/metrics.jsonl $(STATE_DIR)/runs/$$id/train.log results/$(NAME)/$$id/; \
	  if [ -n "$$newest" ]; then cp $$newest results/$(NAME)/$$id/checkpoints/; what="checkpoint $$(basename $$newest)"; else what="no checkpoint"; fi; \
	  echo "archive-in-progress: results/$(NAME)/$$id ($$state, $$what)"; \
	done

## install: builds the release binary and installs it as $(DESTDIR)$(PREFIX)/bin/dratsd, with the
##          systemd unit as $(DESTDIR)$(UNITDIR)/dratsd.service (ExecStart pointing at that binary).
##          Without DESTDIR (a real install) it also creates the system user and group `dratsd`
##          when missing and runs `systemctl daemon-reload` when systemd is running.
##          Then: systemctl enable --now dratsd
install: build
	$(MAKE) install-files

## install-files: the copying part of `install`, for an already built $(BIN).
install-files:
	@[ -x "$(BIN)" ] || { echo "install: $(BIN) is not built; run make build first" >&2; exit 1; }
	$(SUDO) install -d -m 0755 "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(UNITDIR)"
	$(SUDO) install -m 0755 "$(BIN)" "$(DESTDIR)$(PREFIX)/bin/dratsd"
	sed 's|^ExecStart=/usr/local/bin/dratsd |ExecStart=$(PREFIX)/bin/dratsd |' configs/dratsd.service \
	  | $(SUDO) tee "$(DESTDIR)$(UNITDIR)/dratsd.service" >/dev/null
	$(SUDO) chmod 0644 "$(DESTDIR)$(UNITDIR)/dratsd.service"
	@if [ -n "$(DESTDIR)" ]; then \
	  echo "install: DESTDIR set: not creating the dratsd user, not reloading systemd"; \
	else \
	  if ! getent passwd dratsd >/dev/null; then \
	    echo "install: creating the system user dratsd"; \
	    $(SUDO) useradd --system --user-group --home-dir /var/lib/dratsd --no-create-home \
	      --shell /usr/sbin/nologin --comment "drats training service" dratsd; \
	  fi; \
	  if [ -d /run/systemd/system ]; then \
	    $(SUDO) systemctl daemon-reload; \
	    echo "install: done; start the service with: systemctl enable --now dratsd"; \
	  else \
	    echo "install: systemd is not running here; the unit is installed for when it is"; \
	  fi; \
	fi

clean:
	rm -rf .build
