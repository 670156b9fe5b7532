// The virtual network the web app sends its outbound traffic to Azure services through. Storage and
// Key Vault accept requests from its subnet only (service endpoints): the bot reaches them, nothing
// else on the internet does, and no private endpoint or private DNS zone is needed.

metadata description = 'Virtual network with the web app\'s integration subnet and its service endpoints.'

@description('Name of the virtual network.')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region of the virtual network (the web app\'s region).')
param location string

@description('Tags applied to the virtual network.')
param tags { *: string }

@description('Address space of the virtual network, e.g. 10.60.0.0/24; the integration subnet is its first /26.')
param addressPrefix string

var subnetName = 'webapp-outbound'

resource network 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: subnetName
        properties: {
          // A /26 leaves room for the plan to scale out (each instance takes an address).
          addressPrefix: cidrSubnet(addressPrefix, 26, 0)
          // Regional VNet integration: the subnet belongs to App Service plans.
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
          // Traffic to these services leaves the subnet with the subnet's identity, which their
          // network rules allow; nothing else needs to be routed through the network.
          serviceEndpoints: [
            {
              service: 'Microsoft.Storage'
            }
            {
              service: 'Microsoft.KeyVault'
            }
          ]
        }
      }
    ]
  }

  resource subnet 'subnets' existing = {
    name: subnetName
  }
}

@description('Resource id of the web app\'s integration subnet.')
output subnetId string = network::subnet.id
