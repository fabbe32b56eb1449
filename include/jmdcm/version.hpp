// Library version. Documents carry their own schema numbers (Case, Policy, Catalogue).
#pragma once

#define JMDCM_VERSION_MAJOR 0
#define JMDCM_VERSION_MINOR 1
#define JMDCM_VERSION_PATCH 0
#define JMDCM_VERSION_STRING "0.1.0"
