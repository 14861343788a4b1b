package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.iam.PolicyStatement;

/** docs/iam.md is what the app grants: every role, statement, action and resource. */
class IamDocTest {
  private final List<IamDoc.Role> doc = IamDoc.parse(IamDoc.text());

  @Test
  void doc_describesTheHandler_theTaskRoleWithEachStore_andTheExecutionRole() {
    assertThat(doc)
        .extracting(r -> r.path() + (r.store() == null ? "" : " " + r.store()))
        .containsExactly(
            "WidgetRequests/Api/HandlerRole",
            "WidgetRequests/Consumer/TaskRole dynamodb",
            "WidgetRequests/Consumer/TaskRole s3",
            "WidgetRequests/Consumer/Task/ExecutionRole");
    assertThat(doc).allSatisfy(role -> assertThat(role.statements()).isNotEmpty());
  }

  @Test
  void everyRole_withTheTableStore_grantsExactlyWhatTheDocLists() {
    assertThat(IamTables.differences(Synth.widgets(), "dynamodb", doc)).isEmpty();
  }

  @Test
  void everyRole_withTheBucketStore_grantsExactlyWhatTheDocLists() {
    assertThat(IamTables.differences(Synth.bucketStore(), "s3", doc)).isEmpty();
  }

  @Test
  void anActionMissingFromTheDoc_isADifference() {
    String edited = IamDoc.text().replace("`dynamodb:GetItem`, ", "");
    assertThat(IamTables.differences(Synth.widgets(), "dynamodb", IamDoc.parse(edited)))
        .anySatisfy(d -> assertThat(d).contains("grants, and docs/iam.md does not list"))
        .anySatisfy(d -> assertThat(d).contains("does not grant, but docs/iam.md lists"));
  }

  @Test
  void aResourceTheDocNamesWrongly_isADifference() {
    String edited =
        IamDoc.text()
            .replace(
                "| `WidgetRequests/Storage/PayloadBucket/*` | Claim checks",
                "| `WidgetRequests/Storage/RequestBucket/*` | Claim checks");
    assertThat(IamTables.differences(Synth.widgets(), "dynamodb", IamDoc.parse(edited)))
        .anySatisfy(d -> assertThat(d).contains("PayloadBucket/*"));
  }

  @Test
  void aGrantAddedInTheApp_isADifference() {
    Synth.Synthesised changed =
        Synth.synthesise(
            Synth.defaults(),
            stack ->
                stack
                    .consumer()
                    .taskRole()
                    .addToPrincipalPolicy(
                        PolicyStatement.Builder.create()
                            .actions(List.of("dynamodb:Scan"))
                            .resources(List.of(stack.table().table().getTableArn()))
                            .build()));
    assertThat(IamTables.differences(changed, "dynamodb", doc))
        .containsExactly(
            "WidgetRequests/Consumer/TaskRole grants, and docs/iam.md does not list: —"
                + " [dynamodb:Scan] on [WidgetRequests/Widgets/Table]");
  }
}
