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

param mapLinkSigningKey = readEnvironmentVariable('JOURNEYBOT_MAPLINK_SIGNING_KEY', '')

param botDisplayName = 'JourneyBot'

param botSku = 'F0'

// Days Log Analytics keeps the bot's telemetry (30 is included in the price).
param telemetryRetentionDays = 30

// Read members' departments from their Microsoft Graph profiles: grant the bot's identity the Graph
// application permission User.Read.All (admin consent) first, see README.
param readDepartmentsFromGraph = false
