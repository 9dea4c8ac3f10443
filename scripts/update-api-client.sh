#!/usr/bin/env bash
# Writes the API contract and the client generated from it, for committing after an API change (ADR 25):
# builds Redress.Web (which writes its OpenAPI document into obj/), copies the document to clients/openapi/v1.json,
# then regenerates clients/Redress.Client/Generated with Kiota. The build fails while either differs from the commit.
set -euo pipefail
cd "$(dirname "$0")/.."

# The document check would fail this very build; it is what this script is about to fix.
dotnet build src/Redress.Web -p:CheckOpenApiDocument=false -v quiet -nologo
cp src/Redress.Web/obj/Redress.Web.json clients/openapi/v1.json

dotnet tool restore > /dev/null
arguments=$(dotnet msbuild clients/Redress.Client -getProperty:KiotaArguments)
cd clients/Redress.Client
KIOTA_TUTORIAL_ENABLED=false KIOTA_OFFLINE_ENABLED=true dotnet kiota $arguments --openapi ../openapi/v1.json --output Generated
echo "Updated clients/openapi/v1.json and clients/Redress.Client/Generated; review and commit them."
