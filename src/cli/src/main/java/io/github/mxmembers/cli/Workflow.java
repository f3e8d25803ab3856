package io.github.mxmembers.cli;

import io.github.mxmembers.AggregationOutcome;
import io.github.mxmembers.AggregationWait;
import io.github.mxmembers.Credential;
import io.github.mxmembers.Member;
import io.github.mxmembers.MemberResume;
import io.github.mxmembers.MxNexusClient;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.RequiredCredential;
import java.util.List;

/** The calls after the update, on whichever API the command talks to: one face for both clients. */
interface Workflow {
  List<RequiredCredential> credentials();

  AggregationOutcome await(AggregationWait wait);

  Member resume(List<Credential> answers, List<io.github.mxmembers.Challenge> asked);

  static Workflow platform(MxPlatformClient client, String user, String member) {
    return new Workflow() {
      @Override
      public List<RequiredCredential> credentials() {
        return client.listCredentials(user, member);
      }

      @Override
      public AggregationOutcome await(AggregationWait wait) {
        return client.waitForAggregation(user, member, wait);
      }

      @Override
      public Member resume(List<Credential> answers, List<io.github.mxmembers.Challenge> asked) {
        MemberResume.Builder resume = MemberResume.builder().user(user).member(member).challenges(asked);
        answers.forEach(resume::answer);
        return client.resume(resume.build());
      }
    };
  }

  static Workflow nexus(MxNexusClient client, String member) {
    return new Workflow() {
      @Override
      public List<RequiredCredential> credentials() {
        return client.listCredentials(member);
      }

      @Override
      public AggregationOutcome await(AggregationWait wait) {
        return client.waitForAggregation(member, wait);
      }

      @Override
      public Member resume(List<Credential> answers, List<io.github.mxmembers.Challenge> asked) {
        MemberResume.Builder resume = MemberResume.builder().member(member).challenges(asked);
        answers.forEach(resume::answer);
        return client.resume(resume.build());
      }
    };
  }
}
