/**
 * The AWS CDK app that deploys Widget Requests: one construct per concern (storage, queues, table,
 * request API, consumer service, alarms), composed by {@link dev.widgetrequests.infra.WidgetsStack}
 * and run by {@link dev.widgetrequests.infra.WidgetsApp}. Every IAM statement names its actions and
 * resources; cdk-nag's AwsSolutions checks run over the app in the tests.
 */
package dev.widgetrequests.infra;
