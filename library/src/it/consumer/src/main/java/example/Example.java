package example;

import dev.simplij.expr.Expr;
import dev.simplij.rules.RuleSet;
import dev.simplij.simplify.Simplification;
import dev.simplij.simplify.Simplifier;
import java.util.List;

public final class Example {
    public static void main(String[] args) {
        Simplifier s = Simplifier.standard();                       // shipped default rules; build once, share across threads
        System.out.println(s.simplifyInfix("x1*(x2 - x2) + exp(log(x1))"));   // x1
        System.out.println(s.simplifyInfix("(x1 + x2)/(x2 + x1)"));           // 1
        System.out.println(s.simplifyPrefix("+ * x1 - x2 x2 log exp x1"));    // x1
        List<Expr> out = s.simplifyAll(List.of(                      // batch, parallel, results in input order
                Expr.parseInfix("sin(x1)**2 + cos(x1)**2"), Expr.parseInfix("x1 - x1")));
        System.out.println(out.get(0).toInfix() + ", " + out.get(1).toInfix());   // 1, 0

        Simplifier skeletons = Simplifier.builder()
                .ruleSet(RuleSet.loadAll("default,skeleton"))       // shipped names or rule files, combined
                .skeleton(true)                                      // <constant> absorption
                .stepBudget(10_000)
                .build();
        System.out.println(skeletons.simplifyInfix("exp(x1 + <constant>)"));      // <constant>*exp(x1)
        Simplification r = skeletons.simplifyWithReport(Expr.parseInfix("<constant>*(x1*<constant>)"));
        System.out.println(r.result().toInfix() + " " + r.stopReason());         // <constant>*x1 FIXPOINT
    }
}
