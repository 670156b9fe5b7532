// The App Service that hosts JourneyBot (ASP.NET Core on Linux) and its app settings. Secrets are
// Key Vault references; outbound traffic to Azure services leaves through the integration subnet.

metadata description = 'Linux App Service plan and web app running JourneyBot, with its app settings.'

@description('A map link signing key: its id (carried by every link it signs) and the Key Vault reference to its value.')
type mapLinkKey = {
  @description('Key id, e.g. k20261205.')
  id: string

  @description('@Microsoft.KeyVault(...) reference to the base64 key.')
  keyReference: string
}

@description('Name of the App Service plan.')
@minLength(1)
@maxLength(60)
param planName string

@description('Name of the web app: 2-60 letters, digits and hyphens, globally unique (it becomes <name>.azurewebsites.net).')
@minLength(2)
@maxLength(60)
param webAppName string

@description('Azure region of the plan and the web app.')
param location string

@description('Tags applied to the plan and the web app.')
param tags { *: string }

@description('App Service plan SKU. Basic (B*) allows up to 3 instances, Standard (S1) 10, Premium v3 30.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'P0v3'
  'P1v3'
  'P2v3'
])
param skuName string

@description('Number of instances of the plan.')
@minValue(1)
@maxValue(10)
param instanceCount int

@description('Name of the bot\'s user-assigned identity (in this resource group): its app id with UserAssignedMSI.')
param botIdentityName string

@description('Name of the data identity (in this resource group): the map table and Key Vault references.')
param dataIdentityName string

@description('Resource id of the subnet the web app sends its outbound traffic through (regional VNet integration).')
param subnetId string

@description('Resource id of the Log Analytics workspace that receives the web app\'s platform logs.')
param workspaceId string

@description('MicrosoftAppType: UserAssignedMSI or SingleTenant.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param microsoftAppType string

@description('MicrosoftAppId: the managed identity\'s client id (UserAssignedMSI) or the app registration\'s client id (SingleTenant).')
param microsoftAppId string

@description('MicrosoftAppTenantId: the tenant of the bot\'s identity.')
param microsoftAppTenantId string

@description('MicrosoftAppPassword: a Key Vault reference to the app registration\'s client secret (SingleTenant); empty for UserAssignedMSI.')
param appRegistrationCredentialReference string

@description('Table service endpoint of the storage account.')
param tableServiceUri string

@description('Name of the map table.')
param tableName string

@description('The key that signs new map links.')
param currentMapLinkKey mapLinkKey

@description('The key before it: links it signed are still accepted.')
param previousMapLinkKey mapLinkKey

@description('Name of the Application Insights component (in this resource group) the bot sends its telemetry to.')
param applicationInsightsName string

@description('Whether the bot reads members\' departments from Microsoft Graph (Graph:Enabled).')
param graphEnabled bool

@description('Whether teams may send their actions to Microsoft Planner (Planner:Enabled).')
param plannerEnabled bool

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: botIdentityName
}

resource dataIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: dataIdentityName
}

// The bot's state lives in Table Storage, where writes never collide (items and votes are rows of
// their own; the map row is saved with its ETag), so any instance serves any turn: the plan scales
// out by instance count, with no sticky sessions.
// What an instance keeps in memory only saves work (e.g. the progress card's coalescing timer).
resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-11-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${botIdentity.id}': {}
      '${dataIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    // App Service answers http:// with a redirect; the app itself adds Strict-Transport-Security
    // (UseHsts outside Development), which App Service does not.
    httpsOnly: true
    // App Service reads the Key Vault references with the data identity, not the bot's.
    keyVaultReferenceIdentity: dataIdentity.id
    // Outbound traffic to Storage and Key Vault goes through this subnet's service endpoints (App
    // Service sends service endpoint traffic into the network without "route all"); the rest (Bot
    // Framework, Entra, Graph) leaves as before, so no NAT gateway is needed.
    virtualNetworkSubnetId: subnetId
    outboundVnetRouting: {
      allTraffic: false
    }
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      // Always On keeps the bot warm so Teams does not wait for a cold start; it needs Basic (B1) or higher.
      alwaysOn: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      webSocketsEnabled: false
      // The bot answers GET /healthz with 200 "Healthy"; App Service takes failing instances out of rotation.
      healthCheckPath: '/healthz'
    }
  }
}

// Deployment uses Microsoft Entra (az webapp deploy), never publishing user names and passwords.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// The complete set of app settings (a child resource, so the app's own host name can be used).
// Names use "__" for the configuration section separator, as Linux App Service requires.
resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    MicrosoftAppType: microsoftAppType
    MicrosoftAppId: microsoftAppId
    MicrosoftAppTenantId: microsoftAppTenantId
    MicrosoftAppPassword: appRegistrationCredentialReference
    Storage__TableServiceUri: tableServiceUri
    Storage__TableName: tableName
    // The data identity, never the bot's: a storage token of the bot's identity must not exist.
    Storage__ManagedIdentityClientId: dataIdentity.properties.clientId
    MapLinks__BaseUrl: 'https://${webApp.properties.defaultHostName}'
    // MapLinks:SigningKeys, current first (each link names its key by a fingerprint). The key ids
    // are in the secrets' names, which is where deploy.sh finds them again on the next run.
    MapLinks__SigningKeys__0: currentMapLinkKey.keyReference
    MapLinks__SigningKeys__1: previousMapLinkKey.keyReference
    Graph__Enabled: graphEnabled ? 'true' : 'false'
    Planner__Enabled: plannerEnabled ? 'true' : 'false'
    // Each instance paces its sends into a thread to its share of Teams' per-thread limits, as requests
    // reach any instance: together they stay within them (src/JourneyBot.Protocol/Sending/SendPacingOptions.cs).
    ConnectorPacing__Instances: string(instanceCount)
    ASPNETCORE_ENVIRONMENT: 'Production'
    // App Service ends TLS at its front end and forwards http with X-Forwarded-Proto: https. The
    // app takes the scheme from that header, so that UseHsts sees https requests as https.
    ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
    // Turns on the bot's OpenTelemetry export to Application Insights (src/JourneyBot.Web/Telemetry/).
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  }
}

// Requests, console output, platform events and audit of the web app.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
      {
        category: 'AppServiceAuditLogs'
        enabled: true
      }
      {
        category: 'AppServiceIPSecAuditLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Name of the web app.')
output name string = webApp.name

@description('Default host name of the web app, without scheme.')
output defaultHostName string = webApp.properties.defaultHostName
