// App Service authentication (Easy Auth) with Entra ID in front of the Function App. The platform
// checks every bearer token it is sent and hands the app the signed-in principal
// (X-MS-CLIENT-PRINCIPAL); requests without a token still reach the app, because organisations apply
// and read rounds without signing in. The Api decides per route who may pass (caseworker and
// decision-maker routes need a principal with their role: Tilskudd.Api/Security, Mode AppService).
// Left off when no app registration is given: registrations cannot be created by Bicep offline.

@description('Name of the Function App to put sign-in in front of.')
param functionAppName string

@description('Application (client) id of the Entra ID app registration for caseworkers and decision makers.')
param clientId string

@description('Tenant of the app registration.')
param tenantId string = tenant().tenantId

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource signIn 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${clientId}'
            clientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}
