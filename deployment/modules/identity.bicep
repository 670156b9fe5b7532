// A user-assigned managed identity. JourneyBot has two, so that a token of one is worth nothing to
// the services of the other: the bot's identity (its app id towards Bot Service and Teams with
// MicrosoftAppType=UserAssignedMSI; no Azure role at all) and the data identity (the map table and
// the vault's secrets; never the bot's app id).

metadata description = 'User-assigned managed identity of JourneyBot.'

@description('Name of the user-assigned managed identity.')
@minLength(3)
@maxLength(128)
param name string

@description('Azure region of the identity.')
param location string

@description('Tags applied to the identity.')
param tags { *: string }

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client (application) id of the identity.')
output clientId string = identity.properties.clientId

@description('Object (principal) id of the identity, for role assignments.')
output principalId string = identity.properties.principalId

@description('Entra tenant the identity belongs to.')
output tenantId string = identity.properties.tenantId
