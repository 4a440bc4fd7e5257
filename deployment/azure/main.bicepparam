// Example parameters. Secrets are read from the environment of the shell that runs the deployment,
// never written here:  export MicrosoftAppPassword=... VAGVISAREN_DB_PASSWORD=... \
//   VAGVISAREN_HASH_SECRET=$(openssl rand -base64 32) VAGVISAREN_LINK_SECRET=$(openssl rand -base64 32)
using 'main.bicep'

param namePrefix = 'vagvisaren'
param botAppId = '00000000-0000-0000-0000-000000000000'
param botAppPassword = readEnvironmentVariable('MicrosoftAppPassword')
param postgresAdminPassword = readEnvironmentVariable('VAGVISAREN_DB_PASSWORD')
param hashSecret = readEnvironmentVariable('VAGVISAREN_HASH_SECRET')
param linkSecret = readEnvironmentVariable('VAGVISAREN_LINK_SECRET')
param containerImage = 'myregistry.azurecr.io/vagvisaren:0.1.0'
param registryServer = 'myregistry.azurecr.io'
