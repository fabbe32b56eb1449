#!/usr/bin/env bash
# Optional parts are detected: configure with the .NET SDK and Python made unfindable.
# AUTO says what it skips and why and succeeds; ON fails and names what is missing.
# Usage: check_optional_parts.sh <source-dir> <scratch-dir>
set -euo pipefail
src="$1"; scratch="$2"
rm -rf "$scratch"; mkdir -p "$scratch"
trap 'rm -rf "$scratch"' EXIT
common=(-S "$src" -G Ninja -DJMDCM_BUILD_TESTS=OFF -DJMDCM_BUILD_EXAMPLES=OFF -DJMDCM_BUILD_BENCHMARKS=OFF
        -DJMDCM_DOTNET=/nonexistent/dotnet -DPython_EXECUTABLE=/nonexistent/python3)

cmake "${common[@]}" -B "$scratch/auto" >"$scratch/auto.log" 2>&1 || { cat "$scratch/auto.log"; echo "AUTO failed"; exit 1; }
grep -q "C# binding and NuGet package: SKIPPED, not found: the .NET SDK (dotnet)" "$scratch/auto.log" \
  || { cat "$scratch/auto.log"; echo "AUTO did not say that C# is skipped and why"; exit 1; }
grep -q "Python package: SKIPPED, not found: Python 3.9+" "$scratch/auto.log" \
  || { cat "$scratch/auto.log"; echo "AUTO did not say that Python is skipped and why"; exit 1; }

if cmake "${common[@]}" -B "$scratch/on" -DJMDCM_BUILD_CSHARP=ON >"$scratch/on.log" 2>&1; then
  cat "$scratch/on.log"; echo "JMDCM_BUILD_CSHARP=ON without dotnet configured"; exit 1
fi
# CMake wraps an error's lines: compare the text with its line breaks and indentation folded.
tr '\n' ' ' <"$scratch/on.log" | tr -s ' ' >"$scratch/on.folded"
grep -q "C# binding and NuGet package is required (JMDCM_BUILD_CSHARP=ON), but not found: the .NET SDK (dotnet)" "$scratch/on.folded" \
  || { cat "$scratch/on.log"; echo "ON did not name what is missing"; exit 1; }
echo "optional parts: skipped with their reasons under AUTO, an error under ON"
