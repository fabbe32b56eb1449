# Warnings for the project's own targets; JMDCM_WERROR turns them into errors (CI does).
function(jmdcm_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  if(JMDCM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
