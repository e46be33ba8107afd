// CBLAS and LAPACKE; OpenBLAS serves libblas.so.3 at run time once libopenblas-dev is installed.
#include <cblas.h>
#include <lapacke.h>
