// The Azure Bot resource (the bot's registration with Bot Service) and its Microsoft Teams channel.

metadata description = 'Azure Bot registration of JourneyBot with the Microsoft Teams channel.'

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

@description('Name of the bot resource.')
output name string = bot.name

@description('Name of the enabled Teams channel.')
output teamsChannel string = teams.name
