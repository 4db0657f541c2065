// The Function App's user-assigned identity. Made before the app, so its roles (roles.bicep) are
// granted before the host first starts and reaches storage, Key Vault and Application Insights.

@description('Identity name.')
param name string

@description('Region of the identity.')
param location string

@description('Tags for the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
