// JSON views of the records, for audit details, the CLI's --format json and visit files.
// Keys are the database's column names, so every output of SecureBase reads alike.
#pragma once

#include <boost/json/value.hpp>

#include "securebase/model/entities.h"

namespace securebase::model {

boost::json::object toJson(const Counselor& counselor);
boost::json::object toJson(const Family& family);
boost::json::object toJson(const Caregiver& caregiver);
boost::json::object toJson(const Child& child);
boost::json::object toJson(const Observation& observation);
boost::json::object toJson(const ObservationSet& set);
boost::json::object toJson(const Visit& visit);  // with its observation sets
boost::json::object toJson(const Goal& goal);
boost::json::object toJson(const Referral& referral);

// {"field": [old, new]} for every key whose value differs between two records' JSON.
boost::json::object changedFields(const boost::json::object& before,
                                  const boost::json::object& after);

}  // namespace securebase::model
