// The user-assigned managed identity JourneyBot runs as. It reads and writes the map table (always)
// and, with MicrosoftAppType=UserAssignedMSI, is also the bot's own identity towards Bot Service and
// Teams, so that no secret exists anywhere.

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
