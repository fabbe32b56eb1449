# Writes Errors.g.cs: one C# exception class per status of include/jmdcm/error_codes.def
# (release_required -> ReleaseRequiredException), so the C# layer maps from the one table.
# Usage: cmake -DDEF=<error_codes.def> -DOUT=<Errors.g.cs> -P errors.cmake
file(STRINGS "${DEF}" lines REGEX "^JMDCM_ERROR\\(")
set(classes "")
set(cases "")
set(members "")
foreach(line IN LISTS lines)
  if(NOT line MATCHES "^JMDCM_ERROR\\(([a-z_]+), *([A-Z_]+), *([0-9]+), *\"([^\"]*)\"\\)")
    message(FATAL_ERROR "unreadable line in ${DEF}: ${line}")
  endif()
  set(name "${CMAKE_MATCH_1}")
  set(number "${CMAKE_MATCH_3}")
  set(text "${CMAKE_MATCH_4}")
  string(REPLACE "_" ";" parts "${name}")
  set(pascal "")
  foreach(part IN LISTS parts)
    string(SUBSTRING "${part}" 0 1 first)
    string(SUBSTRING "${part}" 1 -1 rest)
    string(TOUPPER "${first}" first)
    string(APPEND pascal "${first}${rest}")
  endforeach()
  string(APPEND members "        /// <summary>${name}: ${text}.</summary>\n        ${pascal} = ${number},\n")
  if(number EQUAL 0)
    continue()
  endif()
  string(APPEND classes
"    /// <summary>Status ${number} (${name}): ${text}.</summary>
    public sealed class ${pascal}Exception : JmdcmException
    {
        public ${pascal}Exception(string message, string rule = null, string field = null)
            : base(Status.${pascal}, \"${name}\", message, rule, field) { }
    }

")
  string(APPEND cases "                case ${number}: return new ${pascal}Exception(message, rule, field);\n")
endforeach()
file(WRITE "${OUT}.tmp"
"// Generated from include/jmdcm/error_codes.def by bindings/csharp/errors.cmake: do not edit.
namespace Jmdcm
{
    /// <summary>The library's status codes: the same numbers in C, Python and C#.</summary>
    public enum Status
    {
${members}    }

    public partial class JmdcmException
    {
        internal static JmdcmException Create(Status status, string message, string rule, string field)
        {
            switch ((int)status)
            {
${cases}                default: return new JmdcmException(status, \"unknown\", message, rule, field);
            }
        }
    }

${classes}}
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
