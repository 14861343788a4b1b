package dev.widgetrequests.infra;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.constructs.Construct;

/**
 * The consumer image's ECR repository, a stack of its own: it is deployed first, the image pushed
 * to it, and only then the service that runs the image.
 */
public final class ImageRepositoryStack extends Stack {
  static final String REPOSITORY_NAME = "widgets-consumer";
  static final int IMAGES_KEPT = 10;

  private final Repository repository;

  public ImageRepositoryStack(Construct scope, String id, StackProps props) {
    super(scope, id, props);
    repository =
        Repository.Builder.create(this, "Repository")
            .repositoryName(REPOSITORY_NAME)
            // A tag names one image for good: a deployment says which image it runs.
            .imageTagMutability(TagMutability.IMMUTABLE)
            .imageScanOnPush(true)
            .lifecycleRules(List.of(LifecycleRule.builder().maxImageCount(IMAGES_KEPT).build()))
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
  }

  public IRepository repository() {
    return repository;
  }
}
