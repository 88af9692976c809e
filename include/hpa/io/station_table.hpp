#pragma once
// The stations of an input under the rules: the driver is the core's (hpa/stations.hpp); this
// name stays for the tools that feed it the rows of an aqi_reader themselves.

#include "hpa/stations.hpp"

namespace hpa::io {

template <class Sink>
using station_table = station_driver<Sink>;

}  // namespace hpa::io
