// SwiftPM needs one C source in a C target; the shim itself is header-only.
#include "CZlib.h"
