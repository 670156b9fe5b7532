// JourneyBot in Azure: a user-assigned managed identity, Table Storage reached with that identity,
// a Linux App Service running the bot, an Azure Bot registration with the Teams channel, and
// Application Insights (on a Log Analytics workspace) receiving the bot's telemetry.
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

@description('Base64 key of at least 32 bytes that signs map links (openssl rand -base64 32). Keep it across redeployments, or published links stop working.')
@secure()
param mapLinkSigningKey string

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
    length(mapLinkSigningKey) < 44
      ? 'mapLinkSigningKey must be a base64 key of at least 32 bytes (openssl rand -base64 32).'
      : ''
  ],
  message => !empty(message)
)
var checkedBaseName = empty(parameterErrors) ? baseName : fail(join(parameterErrors, ' '))

// Suffix for names that must be unique across Azure; stable for the resource group, so a
// redeployment updates the same resources.
var suffix = uniqueString(resourceGroup().id)
var identityName = '${checkedBaseName}-identity'
var storageAccountName = '${take(checkedBaseName, 11)}${suffix}'
var planName = '${checkedBaseName}-plan'
var webAppName = '${checkedBaseName}-${suffix}'
var botName = '${checkedBaseName}-bot-${suffix}'
var workspaceName = '${checkedBaseName}-logs'
var applicationInsightsName = '${checkedBaseName}-insights'

var isManagedIdentity = appType == 'UserAssignedMSI'

module identity 'modules/identity.bicep' = {
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSku
    tableName: tableName
    identityName: identityName
  }
  // The role assignment refers to the identity by name.
  dependsOn: [
    identity
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

var microsoftAppId = isManagedIdentity ? identity.outputs.clientId : appId
var microsoftAppTenantId = isManagedIdentity ? identity.outputs.tenantId : tenantId

module webApp 'modules/webapp.bicep' = {
  params: {
    planName: planName
    webAppName: webAppName
    location: location
    tags: tags
    skuName: appServicePlanSku
    instanceCount: instanceCount
    identityName: identityName
    microsoftAppType: appType
    microsoftAppId: microsoftAppId
    microsoftAppTenantId: microsoftAppTenantId
    // The bot refuses a password with UserAssignedMSI; the setting is present but empty.
    microsoftAppPassword: isManagedIdentity ? '' : appPassword
    tableServiceUri: storage.outputs.tableEndpoint
    tableName: storage.outputs.tableName
    mapLinkSigningKey: mapLinkSigningKey
    applicationInsightsName: applicationInsightsName
    graphEnabled: readDepartmentsFromGraph
  }
  // The app settings read the component's connection string by name.
  dependsOn: [
    monitoring
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
    msaAppMSIResourceId: identity.outputs.id
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

@description('Client id of the user-assigned managed identity.')
output identityClientId string = identity.outputs.clientId

@description('Tenant of the bot\'s identity (MicrosoftAppTenantId).')
output tenantId string = microsoftAppTenantId

@description('How the bot authenticates (MicrosoftAppType).')
output appType string = appType
