// The Azure Bot resource (the bot's registration with Bot Service) and its one channel, Microsoft
// Teams. Bot Service gives every bot a Web Chat channel (and often Direct Line) of its own accord;
// their clients choose the sender and channel data themselves, so both are declared here with their
// sites disabled, and the secret keys that open them are turned off (disableLocalAuth).

metadata description = 'Azure Bot registration of JourneyBot with the Microsoft Teams channel only.'

@description('Bot resource name (the bot handle): 2-64 letters, digits, hyphens, underscores or periods, globally unique.')
@minLength(2)
@maxLength(64)
param name string

@description('Tags applied to the bot resource.')
param tags { *: string }

@description('Bot Service pricing tier. Teams is a standard channel: its messages are free on F0 too.')
@allowed([
  'F0'
  'S1'
])
param skuName string

@description('Display name of the bot in Azure.')
@minLength(1)
@maxLength(64)
param displayName string

@description('Messaging endpoint, https://<host>/api/messages.')
param endpoint string

@description('The bot\'s app id: the managed identity\'s client id or the app registration\'s client id.')
param msaAppId string

@description('How the bot\'s identity is registered.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param msaAppType string

@description('Tenant of the bot\'s identity.')
param msaAppTenantId string

@description('Resource id of the user-assigned identity; used for UserAssignedMSI only.')
param msaAppMSIResourceId string

@description('Resource id of the Log Analytics workspace that receives the bot\'s request log.')
param workspaceId string

// The site Bot Service creates in the Web Chat and Direct Line channels.
var defaultSiteName = 'Default Site'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: msaAppId
    msaAppType: msaAppType
    msaAppTenantId: msaAppTenantId
    msaAppMSIResourceId: msaAppType == 'UserAssignedMSI' ? msaAppMSIResourceId : null
    // No channel secrets (the Web Chat and Direct Line keys) work: Entra authentication only.
    disableLocalAuth: true
    // Teams reaches the bot through Bot Service's public endpoint.
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Declared only to switch it off: Bot Service does not let a bot be without a Web Chat channel.
resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: defaultSiteName
          isEnabled: false
          isWebchatPreviewEnabled: false
        }
      ]
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: defaultSiteName
          isEnabled: false
          isV1Enabled: false
          isV3Enabled: false
          isSecureSiteEnabled: true
          isBlockUserUploadEnabled: true
        }
      ]
    }
  }
}

// Every request Bot Service forwards to the bot or receives from it (ABSBotRequests).
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: bot
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'BotRequest'
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

@description('Name of the bot resource.')
output name string = bot.name

@description('Name of the enabled Teams channel.')
output teamsChannel string = teams.name

@description('Names of the channels declared disabled.')
output disabledChannels string[] = [
  webChat.name
  directLine.name
]
