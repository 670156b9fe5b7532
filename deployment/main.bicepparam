// Example parameters for main.bicep. deploy.sh does not use this file (it writes its own, with the
// secrets, to a private temporary file); use it for the manual path:
//   export JOURNEYBOT_MAPLINK_SIGNING_KEY="$(openssl rand -base64 32)"   # once; keep it (see README)
//   az deployment group create -g rg-journeybot -p deployment/main.bicepparam
// Secrets are read from environment variables when the file is compiled, never written here.
using './main.bicep'

param baseName = 'journeybot'

param tags = {
  application: 'JourneyBot'
}

// UserAssignedMSI: the bot is the managed identity, no secret anywhere.
// For SingleTenant, set appType = 'SingleTenant', appId = '<app registration client id>' and
// export JOURNEYBOT_APP_PASSWORD with a client secret.
param appType = 'UserAssignedMSI'

param appId = ''

param appPassword = readEnvironmentVariable('JOURNEYBOT_APP_PASSWORD', '')

param appServicePlanSku = 'P0v3'

param instanceCount = 2

param storageSku = 'Standard_LRS'

param tableName = 'journeymaps'

// Map link signing keys, stored in the Key Vault under their ids. First deployment: two new keys
// (the previous one then signs nothing). Later: the same ids and empty keys keep the vault's;
// to rotate, a new id and key as current and the former current id as previous (README, Rotation).
param mapLinkKeyId = readEnvironmentVariable('JOURNEYBOT_MAPLINK_KEY_ID', 'k2')

param mapLinkKey = readEnvironmentVariable('JOURNEYBOT_MAPLINK_KEY', '')

param previousMapLinkKeyId = readEnvironmentVariable('JOURNEYBOT_MAPLINK_PREVIOUS_KEY_ID', 'k1')

param previousMapLinkKey = readEnvironmentVariable('JOURNEYBOT_MAPLINK_PREVIOUS_KEY', '')

// Address space of the virtual network the web app reaches Storage and Key Vault through.
param virtualNetworkAddressPrefix = '10.60.0.0/24'

param botDisplayName = 'JourneyBot'

param botSku = 'F0'

// Days Log Analytics keeps the bot's telemetry (30 is included in the price).
param telemetryRetentionDays = 30

// Read members' departments from their Microsoft Graph profiles: grant the bot's identity the Graph
// application permission User.Read.All (admin consent) first, see README.
param readDepartmentsFromGraph = false

// Send actions to Microsoft Planner: grant the bot's identity the Graph application permissions
// Tasks.ReadWrite.All and Group.Read.All (admin consent) first, see README.
param sendActionsToPlanner = false
