#!/bin/sh
# Builds TrainingDomain, ExportFormats and benchmark/main.swift with -O (whole-module) and runs it.
# Usage: Tests/ExportFormatsTests/Scripts/benchmark.sh   (from the repository root; needs only the Swift toolchain)
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
out=${TMPDIR:-/tmp}/gofast-export-benchmark
mkdir -p "$out"
cd "$root"
swiftc -O -wmo -parse-as-library -module-name TrainingDomain -emit-module -emit-module-path "$out/TrainingDomain.swiftmodule" \
  -emit-library -static -o "$out/libTrainingDomain.a" $(find Sources/TrainingDomain -name '*.swift')
swiftc -O -wmo -parse-as-library -module-name ExportFormats -I "$out" -emit-module -emit-module-path "$out/ExportFormats.swiftmodule" \
  -emit-library -static -o "$out/libExportFormats.a" $(find Sources/ExportFormats -name '*.swift')
swiftc -O -wmo -module-name ExportBenchmark -I "$out" -L "$out" -lExportFormats -lTrainingDomain -o "$out/export-benchmark" \
  Tests/ExportFormatsTests/Scripts/benchmark/main.swift Tests/ExportFormatsTests/SamplePlans.swift Tests/ExportFormatsTests/SampleReport.swift
"$out/export-benchmark"
