#pragma once
// The distributions the detection tests use, computed in double. Boost promotes double to long
// double by default, and long double's pow and exp were nearly half of the tests' time (1.01 s of
// one thread's time over 20,000 units, 0.56 s without); p-values are
// shown to 4 figures, and over wide grids the two agree to 1.5e-11 relative. The policy is a type
// of its own, not the BOOST_MATH_PROMOTE_DOUBLE_POLICY macro, so no Boost template is compiled
// with one body here and another in the rest of the program (the core's chi-square keeps the
// default).
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/hypergeometric.hpp>
#include <boost/math/distributions/negative_binomial.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace pw::analytics::dist {

using InDouble = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
using Binomial = boost::math::binomial_distribution<double, InDouble>;
using ChiSquared = boost::math::chi_squared_distribution<double, InDouble>;
using Hypergeometric = boost::math::hypergeometric_distribution<double, InDouble>;
using NegativeBinomial = boost::math::negative_binomial_distribution<double, InDouble>;
using Normal = boost::math::normal_distribution<double, InDouble>;
using Poisson = boost::math::poisson_distribution<double, InDouble>;
using StudentsT = boost::math::students_t_distribution<double, InDouble>;

}  // namespace pw::analytics::dist
