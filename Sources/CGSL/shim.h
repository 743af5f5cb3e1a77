/* The GSL headers the simulator uses. No logic lives here. */
#ifndef REPOVERTY_CGSL_SHIM_H
#define REPOVERTY_CGSL_SHIM_H
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_version.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_multifit.h>

/* Accessors for GSL's global generator types and version string: Swift 6 treats C globals as shared mutable state. */
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cgsl_rng_taus113(void) { return gsl_rng_taus113; }
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
/* Not offered to scenarios (its state is 16,384 words); measured by the kernel harness for comparison (issue 5). */
static inline const gsl_rng_type *cgsl_rng_gfsr4(void) { return gsl_rng_gfsr4; }
static inline const char *cgsl_version(void) { return gsl_version; }
static inline const gsl_multimin_fminimizer_type *cgsl_multimin_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }
#endif
