// Example parameters. Secrets are read from the environment of the shell that runs the deployment,
// never written here:  export MicrosoftAppPassword=... VAGVISAREN_DB_PASSWORD=...
using 'main.bicep'

param namePrefix = 'vagvisaren'
param botAppId = '00000000-0000-0000-0000-000000000000'
param botAppPassword = readEnvironmentVariable('MicrosoftAppPassword')
param postgresAdminPassword = readEnvironmentVariable('VAGVISAREN_DB_PASSWORD')
param containerImage = 'myregistry.azurecr.io/vagvisaren:0.1.0'
param registryServer = 'myregistry.azurecr.io'
