// `award policies`: the policy packs this installation has, as a clerk checks them
// against the regulations: jurisdiction, regulation, awards with quotas and money,
// the review stages and how results are formed, publicity rules.
#pragma once
#include <string>

#include "packs/policy_pack.hpp"

namespace award {

// The listing, one block per pack in id order (pure, for tests).
std::string describe_policies(const PolicyCatalog& catalog);

}  // namespace award
