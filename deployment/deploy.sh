#!/usr/bin/env bash
# Deploys JourneyBot to Azure and builds its Teams app package: resource group, Bicep templates
# (identities, network, storage, Key Vault, App Service, Azure Bot with the Teams channel only), the
# bot's code, the package.
# Run it again to update: the same resources are updated and the map link signing keys are kept
# (in the Key Vault); --rotate-map-link-key replaces the signing key and keeps the old one accepted.
# See deployment/README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: deployment/deploy.sh --resource-group NAME --location REGION --base-name NAME [options]

Deploys JourneyBot to Azure with the Azure CLI, publishes the bot and builds the Teams app package.

Required:
  -g, --resource-group NAME   resource group (created if missing)
  -l, --location REGION       Azure region, e.g. westeurope
      --base-name NAME        3-20 lowercase letters and digits, starting with a letter;
                              the start of every resource name

Options:
      --app-type TYPE         UserAssignedMSI (default: the managed identity, no secret anywhere)
                              or SingleTenant (an Entra app registration with a client secret)
      --app-id GUID           SingleTenant: the app registration's application (client) id
      --app-password-env VAR  SingleTenant: the name of an environment variable that holds the
                              client secret (a secret is never taken on the command line)
      --sku SKU               App Service plan: B1, B2, B3, S1, P0v3 (default), P1v3, P2v3
      --instances N           App Service instances, 1-10 (default 2; Basic plans at most 3)
      --version X.Y.Z         version of the Teams app package (default 1.0.0)
      --graph-departments     read members' departments from their Microsoft Graph profiles
                              (Graph:Enabled); the bot's identity needs User.Read.All with
                              admin consent first (see deployment/README.md)
      --planner               let teams send their actions to Microsoft Planner (Planner:Enabled);
                              the bot's identity needs Tasks.ReadWrite.All and Group.Read.All
                              with admin consent first (see deployment/README.md)
      --rotate-map-link-key   sign new map links with a new key; links signed with the current
                              key keep working until the next rotation
  -h, --help                  show this help

Needs: az (logged in: az login), dotnet (.NET 10 SDK), openssl, zip, curl.

Example:
  deployment/deploy.sh -g rg-journeybot -l westeurope --base-name journeybot
  export JOURNEYBOT_SECRET='...'
  deployment/deploy.sh -g rg-journeybot -l westeurope --base-name journeybot \
    --app-type SingleTenant --app-id 00000000-0000-0000-0000-000000000000 \
    --app-password-env JOURNEYBOT_SECRET
EOF
}

fail() {
  echo "deploy: $*" >&2
  exit 1
}

step() {
  echo
  echo "==> $*"
}

trap 'echo "deploy: stopped by the failure above (deploy.sh line $LINENO)" >&2' ERR

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deployment_dir="$repo_root/deployment"

resource_group=""
location=""
base_name=""
app_type="UserAssignedMSI"
app_id=""
app_password_env=""
sku="P0v3"
instances="2"
version="1.0.0"
graph_departments="false"
planner="false"
rotate_key="false"

need_value() {
  [[ $# -ge 2 && -n "$2" && "$2" != -* ]] || fail "$1 needs a value (see --help)"
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    -g | --resource-group) need_value "$@"; resource_group="$2"; shift 2 ;;
    -l | --location) need_value "$@"; location="$2"; shift 2 ;;
    --base-name) need_value "$@"; base_name="$2"; shift 2 ;;
    --app-type) need_value "$@"; app_type="$2"; shift 2 ;;
    --app-id) need_value "$@"; app_id="$2"; shift 2 ;;
    --app-password-env) need_value "$@"; app_password_env="$2"; shift 2 ;;
    --app-password | --password | --app-secret)
      fail "$1: a secret is never taken on the command line; put it in an environment variable and pass --app-password-env NAME" ;;
    --sku) need_value "$@"; sku="$2"; shift 2 ;;
    --instances) need_value "$@"; instances="$2"; shift 2 ;;
    --version) need_value "$@"; version="$2"; shift 2 ;;
    --graph-departments) graph_departments="true"; shift ;;
    --planner) planner="true"; shift ;;
    --rotate-map-link-key) rotate_key="true"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) fail "unknown option '$1' (see --help)" ;;
  esac
done

# --- Check the options before touching anything --------------------------------------------------

[[ -n "$resource_group" ]] || fail "--resource-group is required (see --help)"
[[ -n "$location" ]] || fail "--location is required (see --help)"
[[ -n "$base_name" ]] || fail "--base-name is required (see --help)"
[[ "$resource_group" =~ ^[-_.()a-zA-Z0-9]{1,90}$ && "$resource_group" != *. ]] ||
  fail "--resource-group '$resource_group' is not a valid resource group name"
[[ "$location" =~ ^[a-z0-9]+$ ]] || fail "--location '$location' must be a region name such as westeurope (az account list-locations -o table)"
[[ "$base_name" =~ ^[a-z][a-z0-9]{2,19}$ ]] ||
  fail "--base-name '$base_name' must be 3-20 lowercase letters and digits, starting with a letter"
case "$sku" in
  B1 | B2 | B3 | S1 | P0v3 | P1v3 | P2v3) ;;
  *) fail "--sku '$sku' must be one of B1, B2, B3, S1, P0v3, P1v3, P2v3" ;;
esac
if ! [[ "$instances" =~ ^[0-9]{1,2}$ ]] || ((instances < 1 || instances > 10)); then
  fail "--instances '$instances' must be a number from 1 to 10"
fi
if [[ "$sku" == B* ]] && ((instances > 3)); then
  fail "--sku $sku (Basic) allows at most 3 instances; choose S1 or P0v3 for more"
fi
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version '$version' must look like 1.0.0"

guid_pattern='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
app_password=""
case "$app_type" in
  UserAssignedMSI)
    [[ -z "$app_id" ]] || fail "--app-id is for --app-type SingleTenant; with UserAssignedMSI the bot's id is the managed identity's client id"
    [[ -z "$app_password_env" ]] || fail "--app-password-env is for --app-type SingleTenant; UserAssignedMSI has no secret"
    ;;
  SingleTenant)
    [[ "$app_id" =~ $guid_pattern ]] ||
      fail "--app-type SingleTenant needs --app-id: the app registration's application (client) id, a GUID"
    [[ -n "$app_password_env" ]] ||
      fail "--app-type SingleTenant needs --app-password-env NAME: an environment variable holding a client secret"
    [[ "$app_password_env" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] ||
      fail "--app-password-env '$app_password_env' is not an environment variable name"
    app_password="${!app_password_env:-}"
    [[ -n "$app_password" ]] || fail "the environment variable $app_password_env is empty or not exported"
    ;;
  *) fail "--app-type '$app_type' must be UserAssignedMSI or SingleTenant" ;;
esac

for tool in az dotnet openssl zip curl; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is not installed (see deployment/README.md, Prerequisites)"
done
[[ -f "$repo_root/manifest/package.sh" ]] || fail "manifest/package.sh is missing: this script runs from a JourneyBot checkout"

# Everything written here is private to this user and removed on exit: the parameters file holds
# new signing keys (and the client secret for SingleTenant).
umask 077
work_dir="$(mktemp -d "${TMPDIR:-/tmp}/journeybot-deploy.XXXXXX")"
trap 'rm -rf "$work_dir"' EXIT

# --- Azure account --------------------------------------------------------------------------------

step "Azure account"
if ! account="$(az account show --query '[name, id, tenantId]' -o tsv 2>/dev/null)"; then
  fail "not logged in to Azure: run 'az login' (and 'az account set --subscription <id>' to choose a subscription)"
fi
IFS=$'\t' read -r subscription_name subscription_id tenant_id <<<"${account//$'\n'/$'\t'}"
echo "subscription: $subscription_name ($subscription_id), tenant $tenant_id"

# --- Resource group -------------------------------------------------------------------------------

step "Resource group $resource_group"
group_exists="$(az group exists --name "$resource_group" -o tsv)"
if [[ "$group_exists" == "true" ]]; then
  group_location="$(az group show --name "$resource_group" --query location -o tsv)"
  echo "exists, in $group_location (the resources go to $location)"
else
  az group create --name "$resource_group" --location "$location" --tags application=JourneyBot -o none
  echo "created in $location"
fi

# --- Map link signing keys: generated once, then kept in the Key Vault ----------------------------

step "Map link signing keys"
# The web app is named <base-name>-<13 characters from the resource group id>. Its settings name the
# ids of the current and previous keys; the keys themselves are in the vault, and an empty key
# parameter keeps the vault's. Links carry the id of their key, so ids are never reused.
new_key_id() { echo "k$(date -u +%Y%m%d%H%M%S)$1"; }
key_id=""
key=""
previous_key_id=""
previous_key=""
existing_app=""
web_apps="$(az webapp list --resource-group "$resource_group" --query '[].name' -o tsv)"
while IFS= read -r name; do
  if [[ "$name" =~ ^${base_name}-[a-z0-9]{13}$ ]]; then
    existing_app="$name"
  fi
done <<<"$web_apps"
app_setting() {
  az webapp config appsettings list --resource-group "$resource_group" --name "$existing_app" \
    --query "[?name=='$1'].value | [0]" -o tsv
}
# The id of the vault key a setting refers to (@Microsoft.KeyVault(…;SecretName=MapLinkKey-<id>)).
key_id_of() {
  local reference
  reference="$(app_setting "$1")"
  if [[ "$reference" =~ SecretName=MapLinkKey-([A-Za-z0-9-]+) ]]; then
    printf '%s' "${BASH_REMATCH[1]}"
  fi
}
current_id="" former_id="" legacy_key=""
if [[ -n "$existing_app" ]]; then
  current_id="$(key_id_of MapLinks__SigningKeys__0)"
  former_id="$(key_id_of MapLinks__SigningKeys__1)"
  # A deployment from before the vault kept its one key in plain text in the settings.
  legacy_key="$(app_setting MapLinks__SigningKey)"
fi
if [[ -n "$current_id" && -n "$former_id" && "$rotate_key" != true ]]; then
  key_id="$current_id"
  previous_key_id="$former_id"
  echo "keeping the keys $key_id (signs) and $previous_key_id (accepted) in the vault"
elif [[ -n "$current_id" && -n "$former_id" ]]; then
  key_id="$(new_key_id a)"
  key="$(openssl rand -base64 32)"
  previous_key_id="$current_id"
  echo "rotating: $key_id signs from now on; links of $previous_key_id keep working, those of $former_id stop"
elif [[ -n "$legacy_key" ]]; then
  # Moved to the vault and rotated away: the old key stays accepted, a new one signs.
  key_id="$(new_key_id a)"
  key="$(openssl rand -base64 32)"
  previous_key_id="$(new_key_id b)"
  previous_key="$legacy_key"
  echo "moving the key of $existing_app to the vault as $previous_key_id; $key_id signs from now on"
else
  # First deployment: the previous key signs nothing yet; it is there so that a rotation has a slot.
  key_id="$(new_key_id a)"
  key="$(openssl rand -base64 32)"
  previous_key_id="$(new_key_id b)"
  previous_key="$(openssl rand -base64 32)"
  echo "generated the keys $key_id (signs) and $previous_key_id"
fi
unset legacy_key

# --- Infrastructure -------------------------------------------------------------------------------

# A JSON string literal (only the Entra client secret could hold characters that need escaping).
json_string() {
  local value="$1"
  [[ "$value" != *[[:cntrl:]]* ]] || fail "a parameter value contains a control character"
  value="${value//\\/\\\\}"
  value="${value//\"/\\\"}"
  printf '"%s"' "$value"
}
# Assigned one by one, so that a failure stops the script (it would not inside the here-document).
base_name_json="$(json_string "$base_name")"
location_json="$(json_string "$location")"
app_type_json="$(json_string "$app_type")"
app_id_json="$(json_string "$app_id")"
app_password_json="$(json_string "$app_password")"
sku_json="$(json_string "$sku")"
key_json="$(json_string "$key")"
previous_key_json="$(json_string "$previous_key")"

parameters_file="$work_dir/parameters.json"
cat >"$parameters_file" <<EOF
{
  "\$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "baseName": { "value": $base_name_json },
    "location": { "value": $location_json },
    "tags": { "value": { "application": "JourneyBot" } },
    "appType": { "value": $app_type_json },
    "appId": { "value": $app_id_json },
    "appPassword": { "value": $app_password_json },
    "appServicePlanSku": { "value": $sku_json },
    "instanceCount": { "value": $instances },
    "readDepartmentsFromGraph": { "value": $graph_departments },
    "sendActionsToPlanner": { "value": $planner },
    "mapLinkKeyId": { "value": "$key_id" },
    "mapLinkKey": { "value": $key_json },
    "previousMapLinkKeyId": { "value": "$previous_key_id" },
    "previousMapLinkKey": { "value": $previous_key_json }
  }
}
EOF
unset key key_json previous_key previous_key_json app_password app_password_json

step "Deploying the templates (a few minutes)"
deployment_name="journeybot-$base_name"
outputs="$(az deployment group create \
  --resource-group "$resource_group" \
  --name "$deployment_name" \
  --template-file "$deployment_dir/main.bicep" \
  --parameters "@$parameters_file" \
  --query '[properties.outputs.botAppId.value, properties.outputs.botDomain.value, properties.outputs.webAppName.value, properties.outputs.botResourceName.value, properties.outputs.messagingEndpoint.value]' \
  -o tsv)"
rm -f "$parameters_file"
IFS=$'\t' read -r bot_app_id bot_domain web_app_name bot_resource_name messaging_endpoint \
  <<<"${outputs//$'\n'/$'\t'}"
[[ -n "$bot_app_id" && -n "$bot_domain" && -n "$web_app_name" ]] ||
  fail "the deployment returned no outputs; see: az deployment group show -g $resource_group -n $deployment_name"
echo "bot app id:         $bot_app_id"
echo "web app:            $web_app_name (https://$bot_domain)"
echo "Azure Bot:          $bot_resource_name"
echo "messaging endpoint: $messaging_endpoint"

# --- Code -----------------------------------------------------------------------------------------

step "Publishing the bot"
dotnet publish "$repo_root/src/JourneyBot.Web" -c Release -o "$work_dir/publish" --nologo -v quiet
(cd "$work_dir/publish" && zip -qr "$work_dir/journeybot.zip" .)
az webapp deploy --resource-group "$resource_group" --name "$web_app_name" \
  --src-path "$work_dir/journeybot.zip" --type zip --track-status false -o none
echo "deployed to $web_app_name"

step "Waiting for https://$bot_domain/healthz"
# The first start can take several minutes: the storage role assignment may still be propagating,
# and the bot does not start until it can reach its table (App Service restarts it meanwhile).
healthy=false
for _ in $(seq 1 60); do
  if [[ "$(curl -fsS --max-time 10 "https://$bot_domain/healthz" 2>/dev/null || true)" == "Healthy" ]]; then
    healthy=true
    break
  fi
  sleep 10
done
if [[ "$healthy" == true ]]; then
  echo "Healthy"
else
  echo "WARNING: the bot did not answer Healthy within 10 minutes. Look at its log:" >&2
  echo "  az webapp log tail -g $resource_group -n $web_app_name" >&2
  echo "and at Troubleshooting in deployment/README.md. The steps below still apply once it is up." >&2
fi

# --- Teams app package ----------------------------------------------------------------------------

step "Building the Teams app package"
package_output="$(bash "$repo_root/manifest/package.sh" --app-id "$bot_app_id" --domain "$bot_domain" --version "$version")"
package_path="$(printf '%s\n' "$package_output" | sed '/^[[:space:]]*$/d' | tail -n 1)"
echo "$package_path"

cat <<EOF

Done. JourneyBot runs at https://$bot_domain (bot app id $bot_app_id).

Next: make the app available in Teams with the package
  $package_path
- for the whole organisation: Teams admin center > Teams apps > Manage apps > Upload new app,
  then allow it (and, if you like, pin it with a setup policy);
- or for yourself, where custom app upload is allowed: Teams > Apps > Manage your apps >
  Upload an app > Upload a custom app.
Then add JourneyBot to a team or chat and post '@JourneyBot start My first map'.

To update the code only: run this script again, or publish and 'az webapp deploy' (README: Updating).
EOF
