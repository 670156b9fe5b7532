// The vault that holds JourneyBot's secrets: the SingleTenant client secret and the map link signing
// keys. The web app's settings refer to them (Key Vault references), so no secret value is kept in
// its configuration; App Service reads them with the data identity, which may get secrets and
// nothing else. Access is by Azure RBAC only, and only from the web app's subnet.

metadata description = 'Key Vault with JourneyBot\'s secrets, readable by the data identity only.'

@description('Vault name: 3-24 letters, digits and hyphens, starting with a letter, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags { *: string }

@description('Resource id of the subnet the web app sends its outbound traffic through.')
param subnetId string

@description('Name of the user-assigned identity (in this resource group) that reads the secrets.')
param readerIdentityName string

@description('Resource id of the Log Analytics workspace that receives the vault\'s audit log.')
param workspaceId string

@description('Secrets to write, by name. An empty value leaves that secret as it is in the vault (a key kept from an earlier deployment).')
@secure()
param secrets { *: string }

// Key Vault Secrets User: read secret contents; no listing of keys or certificates, no writing.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource reader 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: readerIdentityName
}

resource secretsUser 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: secretsUserRoleId
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Roles, not access policies: the reader's grant is one role assignment, auditable like any other.
    enableRbacAuthorization: true
    // A deleted vault (and its link keys) can be recovered for 7 days, and not purged before:
    // its name stays taken meanwhile (see deployment/README.md, Removing).
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForTemplateDeployment: false
    enabledForDiskEncryption: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      // Only the web app's subnet (service endpoint). The secrets are written through Azure
      // Resource Manager, which these rules do not restrict.
      defaultAction: 'Deny'
      bypass: 'None'
      ipRules: []
      virtualNetworkRules: [
        {
          id: subnetId
          ignoreMissingVnetServiceEndpoint: false
        }
      ]
    }
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for entry in items(secrets): if (!empty(entry.value)) {
    parent: vault
    name: entry.key
    properties: {
      value: entry.value
    }
  }
]

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, reader.id, secretsUser.id)
  scope: vault
  properties: {
    roleDefinitionId: secretsUser.id
    principalId: reader.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'JourneyBot\'s web app reads its client secret and map link keys (Key Vault references).'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'audit'
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

@description('Name of the vault (the app settings refer to its secrets by it).')
output name string = vault.name
