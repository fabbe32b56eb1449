# The status enum of jmdcm.h, written out from include/jmdcm/error_codes.def so that a generic
# FFI reads the header without a preprocessor (issue 14). MODE=check fails when the block
# between the BEGIN and END markers differs from the table; MODE=update rewrites it.
# Usage: cmake -DDEF=<error_codes.def> -DHEADER=<jmdcm.h> -DMODE=check|update -P status_enum.cmake
file(STRINGS "${DEF}" lines REGEX "^JMDCM_ERROR\\(")
set(block "")
foreach(line IN LISTS lines)
  if(NOT line MATCHES "^JMDCM_ERROR\\(([a-z_]+), *([A-Z_]+), *([0-9]+), *\"([^\"]*)\"\\)")
    message(FATAL_ERROR "unreadable line in ${DEF}: ${line}")
  endif()
  string(APPEND block "    JMDCM_${CMAKE_MATCH_2} = ${CMAKE_MATCH_3},\n")
endforeach()

set(begin "/* BEGIN generated from error_codes.def */\n")
set(end "/* END generated from error_codes.def */")
file(READ "${HEADER}" header)
string(FIND "${header}" "${begin}" at_begin)
string(FIND "${header}" "${end}" at_end)
if(at_begin EQUAL -1 OR at_end EQUAL -1)
  message(FATAL_ERROR "${HEADER}: the markers of the generated status enum are missing")
endif()
string(LENGTH "${begin}" begin_length)
math(EXPR from "${at_begin} + ${begin_length}")
math(EXPR length "${at_end} - ${from}")
string(SUBSTRING "${header}" ${from} ${length} current)

if(MODE STREQUAL "update")
  string(SUBSTRING "${header}" 0 ${from} head)
  string(SUBSTRING "${header}" ${at_end} -1 tail)
  file(WRITE "${HEADER}" "${head}${block}${tail}")
elseif(NOT current STREQUAL block)
  message(FATAL_ERROR "the status enum in ${HEADER} differs from ${DEF}; run\n"
                      "  cmake -DDEF=${DEF} -DHEADER=${HEADER} -DMODE=update -P capi/status_enum.cmake\n"
                      "expected:\n${block}found:\n${current}")
endif()
