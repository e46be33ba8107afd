// The Open Dynamics Engine, double precision (Debian libode-dev).
#include <ode/ode.h>
