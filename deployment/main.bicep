// JourneyBot in Azure: two user-assigned managed identities (the bot's, and the data identity for
// storage and secrets), Table Storage and a Key Vault reached from the web app's subnet only, a Linux
// App Service running the bot, an Azure Bot registration with the Teams channel only, and a Log
// Analytics workspace with Application Insights receiving the bot's telemetry and every resource's
// platform logs.
// Deploy at resource group scope:
//   az deployment group create -g <group> -p deployment/main.bicepparam
// See deployment/README.md.

targetScope = 'resourceGroup'

metadata description = 'JourneyBot: Microsoft Teams bot for customer journey mapping, on App Service with Azure Table Storage.'

@description('Base of every resource name: 3-20 lowercase letters and digits, starting with a letter. Globally unique names add a suffix derived from the resource group.')
@minLength(3)
@maxLength(20)
param baseName string

@description('Azure region of the identity, the storage account and the App Service. The bot registration itself is global.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags { *: string } = {}

@description('How the bot authenticates: UserAssignedMSI (the managed identity; no secret anywhere) or SingleTenant (an Entra app registration with a client secret).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string = 'UserAssignedMSI'

@description('SingleTenant only, and then required: the app registration\'s application (client) id, a GUID. Ignored for UserAssignedMSI.')
@maxLength(36)
param appId string = ''

@description('SingleTenant only, and then required: a client secret of the app registration. Must be empty for UserAssignedMSI.')
@secure()
param appPassword string = ''

@description('SingleTenant only: the tenant of the app registration. UserAssignedMSI uses the managed identity\'s tenant.')
@minLength(36)
@maxLength(36)
param tenantId string = subscription().tenantId

@description('App Service plan SKU. Always On needs Basic (B1) or higher; Basic allows up to 3 instances.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'P0v3'

@description('Number of App Service instances. The bot keeps no state in process, so any instance serves any turn.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Storage account redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Name of the table that holds the journey maps: letters and digits, starting with a letter.')
@minLength(3)
@maxLength(63)
param tableName string = 'journeymaps'

@description('Id of the key that signs new map links: 1-32 letters and digits, e.g. k20261205. Links carry it.')
@minLength(1)
@maxLength(32)
param mapLinkKeyId string

@description('Base64 key of at least 32 bytes (openssl rand -base64 32) stored in the vault under mapLinkKeyId. Empty: the vault already holds it from an earlier deployment.')
@secure()
param mapLinkKey string = ''

@description('Id of the previous signing key, whose links are still accepted; different from mapLinkKeyId.')
@minLength(1)
@maxLength(32)
param previousMapLinkKeyId string

@description('Base64 key stored under previousMapLinkKeyId. Empty: the vault already holds it (after a rotation, the former current key).')
@secure()
param previousMapLinkKey string = ''

@description('Address space of the virtual network the web app reaches Storage and Key Vault through; its first /26 is the integration subnet.')
param virtualNetworkAddressPrefix string = '10.60.0.0/24'

@description('Display name of the bot resource in Azure (the name in Teams comes from the app package).')
@minLength(1)
@maxLength(64)
param botDisplayName string = 'JourneyBot'

@description('Azure Bot pricing tier. Teams is a standard channel, free on F0 as well.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Read members\' departments from their Microsoft Graph profiles (Graph:Enabled) instead of asking them. The bot\'s identity needs the Graph application permission User.Read.All with admin consent (see README).')
param readDepartmentsFromGraph bool = false

@description('Let teams send their actions to Microsoft Planner (Planner:Enabled: tracker planner, Send to Planner, the hourly read-back). The bot\'s identity needs the Graph application permissions Tasks.ReadWrite.All and Group.Read.All with admin consent (see README).')
param sendActionsToPlanner bool = false

@description('Days the Log Analytics workspace keeps the bot\'s telemetry (traces, metrics, logs).')
@minValue(30)
@maxValue(730)
param telemetryRetentionDays int = 30

var lowercaseLetters = 'abcdefghijklmnopqrstuvwxyz'
var letters = '${lowercaseLetters}${toUpper(lowercaseLetters)}'
var digits = '0123456789'

@description('True when value starts with one of firstCharacters and goes on with otherCharacters only.')
func isSpelledWith(value string, firstCharacters string, otherCharacters string) bool =>
  contains(firstCharacters, first(value)) && empty(filter(
    map(range(1, length(value) - 1), i => substring(value, i, 1)),
    c => !contains(otherCharacters, c)
  ))

// A parameter can be neither conditionally required nor matched against a pattern, so these checks
// are part of every resource name below: ARM evaluates them before it creates anything, and a bad
// value stops the deployment with all the messages.
var parameterErrors = filter(
  [
    isSpelledWith(baseName, lowercaseLetters, '${lowercaseLetters}${digits}')
      ? ''
      : 'baseName must be 3-20 lowercase letters and digits, starting with a letter.'
    isSpelledWith(tableName, letters, '${letters}${digits}')
      ? ''
      : 'tableName must be 3-63 letters and digits, starting with a letter.'
    appType == 'SingleTenant' && length(appId) != 36
      ? 'appType SingleTenant needs appId: the app registration\'s application (client) id, a GUID.'
      : ''
    appType == 'SingleTenant' && empty(appPassword)
      ? 'appType SingleTenant needs appPassword: a client secret of the app registration.'
      : ''
    appType == 'UserAssignedMSI' && !empty(appPassword)
      ? 'appType UserAssignedMSI has no secret: leave appPassword empty.'
      : ''
    isSpelledWith(mapLinkKeyId, '${letters}${digits}', '${letters}${digits}')
      ? ''
      : 'mapLinkKeyId must be 1-32 letters and digits.'
    isSpelledWith(previousMapLinkKeyId, '${letters}${digits}', '${letters}${digits}')
      ? ''
      : 'previousMapLinkKeyId must be 1-32 letters and digits.'
    mapLinkKeyId == previousMapLinkKeyId
      ? 'mapLinkKeyId and previousMapLinkKeyId must differ.'
      : ''
    !empty(mapLinkKey) && length(mapLinkKey) < 44
      ? 'mapLinkKey must be a base64 key of at least 32 bytes (openssl rand -base64 32), or empty to keep the vault\'s.'
      : ''
    !empty(previousMapLinkKey) && length(previousMapLinkKey) < 44
      ? 'previousMapLinkKey must be a base64 key of at least 32 bytes, or empty to keep the vault\'s.'
      : ''
  ],
  message => !empty(message)
)
var checkedBaseName = empty(parameterErrors) ? baseName : fail(join(parameterErrors, ' '))

// Suffix for names that must be unique across Azure; stable for the resource group, so a
// redeployment updates the same resources.
var suffix = uniqueString(resourceGroup().id)
// The bot's identity keeps the name it had when it was the only one, so that its client id (the
// bot's app id in the Teams app package) survives an upgrade.
var botIdentityName = '${checkedBaseName}-identity'
var dataIdentityName = '${checkedBaseName}-data-identity'
var networkName = '${checkedBaseName}-vnet'
var vaultName = '${take(checkedBaseName, 7)}-kv-${suffix}'
var storageAccountName = '${take(checkedBaseName, 11)}${suffix}'
var planName = '${checkedBaseName}-plan'
var webAppName = '${checkedBaseName}-${suffix}'
var botName = '${checkedBaseName}-bot-${suffix}'
var workspaceName = '${checkedBaseName}-logs'
var applicationInsightsName = '${checkedBaseName}-insights'

var isManagedIdentity = appType == 'UserAssignedMSI'

// Key Vault secret names: the client secret, and one secret per map link key id.
var appPasswordSecretName = 'MicrosoftAppPassword'
var currentKeySecretName = 'MapLinkKey-${mapLinkKeyId}'
var previousKeySecretName = 'MapLinkKey-${previousMapLinkKeyId}'

@description('An app setting value that App Service replaces with the latest version of a secret of the vault.')
func keyVaultReference(vault string, secretName string) string =>
  '@Microsoft.KeyVault(VaultName=${vault};SecretName=${secretName})'

module botIdentity 'modules/identity.bicep' = {
  params: {
    name: botIdentityName
    location: location
    tags: tags
  }
}

module dataIdentity 'modules/identity.bicep' = {
  params: {
    name: dataIdentityName
    location: location
    tags: tags
  }
}

module network 'modules/network.bicep' = {
  params: {
    name: networkName
    location: location
    tags: tags
    addressPrefix: virtualNetworkAddressPrefix
  }
}

module storage 'modules/storage.bicep' = {
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSku
    tableName: tableName
    identityName: dataIdentityName
    subnetId: network.outputs.subnetId
    workspaceId: monitoring.outputs.workspaceId
  }
  // The role assignment refers to the identity by name.
  dependsOn: [
    dataIdentity
  ]
}

module keyVault 'modules/keyvault.bicep' = {
  params: {
    name: vaultName
    location: location
    tags: tags
    subnetId: network.outputs.subnetId
    readerIdentityName: dataIdentityName
    workspaceId: monitoring.outputs.workspaceId
    secrets: {
      '${appPasswordSecretName}': isManagedIdentity ? '' : appPassword
      '${currentKeySecretName}': mapLinkKey
      '${previousKeySecretName}': previousMapLinkKey
    }
  }
  // The role assignment refers to the identity by name.
  dependsOn: [
    dataIdentity
  ]
}

module monitoring 'modules/monitoring.bicep' = {
  params: {
    workspaceName: workspaceName
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: telemetryRetentionDays
  }
}

var microsoftAppId = isManagedIdentity ? botIdentity.outputs.clientId : appId
var microsoftAppTenantId = isManagedIdentity ? botIdentity.outputs.tenantId : tenantId

module webApp 'modules/webapp.bicep' = {
  params: {
    planName: planName
    webAppName: webAppName
    location: location
    tags: tags
    skuName: appServicePlanSku
    instanceCount: instanceCount
    botIdentityName: botIdentityName
    dataIdentityName: dataIdentityName
    subnetId: network.outputs.subnetId
    workspaceId: monitoring.outputs.workspaceId
    microsoftAppType: appType
    microsoftAppId: microsoftAppId
    microsoftAppTenantId: microsoftAppTenantId
    // The bot refuses a password with UserAssignedMSI; the setting is present but empty.
    appRegistrationCredentialReference: isManagedIdentity ? '' : keyVaultReference(keyVault.outputs.name, appPasswordSecretName)
    tableServiceUri: storage.outputs.tableEndpoint
    tableName: storage.outputs.tableName
    currentMapLinkKey: {
      id: mapLinkKeyId
      keyReference: keyVaultReference(keyVault.outputs.name, currentKeySecretName)
    }
    previousMapLinkKey: {
      id: previousMapLinkKeyId
      keyReference: keyVaultReference(keyVault.outputs.name, previousKeySecretName)
    }
    applicationInsightsName: applicationInsightsName
    graphEnabled: readDepartmentsFromGraph
    plannerEnabled: sendActionsToPlanner
  }
  // The app settings read the component's connection string by name and the identities are
  // attached by name; the vault (an input) lets the data identity read before the app starts.
  dependsOn: [
    dataIdentity
  ]
}

module bot 'modules/bot.bicep' = {
  params: {
    name: botName
    tags: tags
    skuName: botSku
    displayName: botDisplayName
    endpoint: 'https://${webApp.outputs.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: appType
    msaAppTenantId: microsoftAppTenantId
    msaAppMSIResourceId: botIdentity.outputs.id
    workspaceId: monitoring.outputs.workspaceId
  }
}

@description('The bot\'s app id (MicrosoftAppId): the botId of the Teams app package.')
output botAppId string = microsoftAppId

@description('The web app\'s host name without scheme: the validDomains entry of the Teams app package.')
output botDomain string = webApp.outputs.defaultHostName

@description('The messaging endpoint registered with the Azure Bot.')
output messagingEndpoint string = 'https://${webApp.outputs.defaultHostName}/api/messages'

@description('Name of the web app (for az webapp deploy).')
output webAppName string = webApp.outputs.name

@description('Name of the Azure Bot resource.')
output botResourceName string = bot.outputs.name

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Table service endpoint of the storage account.')
output tableEndpoint string = storage.outputs.tableEndpoint

@description('Name of the Application Insights component that receives the bot\'s telemetry.')
output applicationInsightsName string = monitoring.outputs.applicationInsightsName

@description('Client id of the bot\'s user-assigned managed identity (its app id with UserAssignedMSI).')
output identityClientId string = botIdentity.outputs.clientId

@description('Client id of the data identity (the map table and the vault\'s secrets).')
output dataIdentityClientId string = dataIdentity.outputs.clientId

@description('Name of the Key Vault holding the client secret and the map link keys.')
output keyVaultName string = keyVault.outputs.name

@description('Ids of the map link keys the web app uses: the current one (signs) and the previous one (still accepted).')
output mapLinkKeyIds string[] = [
  mapLinkKeyId
  previousMapLinkKeyId
]

@description('Tenant of the bot\'s identity (MicrosoftAppTenantId).')
output tenantId string = microsoftAppTenantId

@description('How the bot authenticates (MicrosoftAppType).')
output appType string = appType
