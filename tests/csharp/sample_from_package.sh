#!/usr/bin/env bash
# The sample console program as a front end builds it: the Jmdcm package from a local folder
# feed (only that feed), restored into a fresh packages folder so no cached copy of an older
# build can stand in, then run. Also checks what the package holds.
# Usage: sample_from_package.sh <dotnet> <Jmdcm.x.y.z.nupkg> <sample-dir> <work-dir> <version>
set -euo pipefail
dotnet="$1"; nupkg="$2"; sample="$3"; work="$4"; version="$5"
rm -rf "$work"; mkdir -p "$work/feed"
cp "$nupkg" "$work/feed/"
listing="$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$nupkg")"
for f in lib/netstandard2.0/Jmdcm.dll lib/net8.0/Jmdcm.dll lib/net8.0/Jmdcm.xml \
         runtimes/linux-x64/native/libjmdcm_csharp.so runtimes/linux-x64/native/libjmdcm.so.0 \
         buildTransitive/Jmdcm.targets README.md; do
  grep -qx "$f" <<<"$listing" || { echo "sample: the package lacks $f"; exit 1; }
done
"$dotnet" restore "$sample/Samira.csproj" --source "$work/feed" --packages "$work/packages" \
  -p:JmdcmBuildDir="$work" -p:JmdcmVersion="$version" -nologo -v:q
"$dotnet" build "$sample/Samira.csproj" --no-restore -c Release -p:JmdcmBuildDir="$work" \
  -p:JmdcmVersion="$version" -nologo -v:q -clp:NoSummary
# The native library comes from the package's runtimes/linux-x64/native, not from a build tree.
dll="$work/bin/Samira/Release/net10.0/Samira.dll"
grep -q '"runtimes/linux-x64/native/libjmdcm_csharp.so"' "${dll%.dll}.deps.json" \
  || { echo "sample: the deps.json does not name the package's native library"; exit 1; }
cd "$work"
exec "$dotnet" "$dll" "$work/samira.sqlite"
