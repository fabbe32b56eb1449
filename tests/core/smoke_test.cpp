#include "jmdcm/jmdcm.hpp"
#include <gtest/gtest.h>
TEST(Smoke, Builds) { EXPECT_EQ(jmdcm::Policy{}.min_age, 12); }
