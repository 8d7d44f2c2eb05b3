package dev.simplij.sr.bench;

import dev.simplij.sr.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark suites: Nguyen-1..8, the Neural-ODE vector field, 20 Feynman formulas (the quick
 * suite), physics formulas with their SI constants written in ({@code physics}), and the whole AI
 * Feynman database ({@code feynman-full}, 120 equations).
 */
final class Problems {
    private static final String NGUYEN_OPS = "+,-,*,/,sin,cos,exp,log,sqrt";
    private static final String FEYNMAN_OPS = "+,-,*,/,sqrt,exp,cos";

    private Problems() {
    }

    static List<Problem> suite(String name) {
        return switch (name) {
            case "nguyen" -> nguyen();
            case "node" -> neuralOde();
            case "feynman" -> feynman();
            case FeynmanBenchmark.SUITE -> FeynmanDatabase.equations();
            case "physics" -> physics();
            case "all" -> {
                List<Problem> all = new ArrayList<>(nguyen());
                all.addAll(neuralOde());
                all.addAll(feynman());
                yield all;
            }
            default -> throw new IllegalArgumentException("unknown suite '" + name + "': nguyen, node, feynman, all, physics or "
                    + FeynmanBenchmark.SUITE);
        };
    }

    private static Problem one(String suite, String name, String formula, String var, double lo, double hi, String ops) {
        return new Problem(suite, name, formula, List.of(var), new double[] {lo}, new double[] {hi}, ops);
    }

    /** Nguyen et al. (2011), on the original input ranges. */
    static List<Problem> nguyen() {
        return List.of(
                one("nguyen", "Nguyen-1", "x**3 + x**2 + x", "x", -1, 1, NGUYEN_OPS),
                one("nguyen", "Nguyen-2", "x**4 + x**3 + x**2 + x", "x", -1, 1, NGUYEN_OPS),
                one("nguyen", "Nguyen-3", "x**5 + x**4 + x**3 + x**2 + x", "x", -1, 1, NGUYEN_OPS),
                one("nguyen", "Nguyen-4", "x**6 + x**5 + x**4 + x**3 + x**2 + x", "x", -1, 1, NGUYEN_OPS),
                one("nguyen", "Nguyen-5", "sin(x**2)*cos(x) - 1", "x", -1, 1, NGUYEN_OPS),
                one("nguyen", "Nguyen-6", "sin(x) + sin(x + x**2)", "x", -1, 1, NGUYEN_OPS),
                one("nguyen", "Nguyen-7", "log(x + 1) + log(x**2 + 1)", "x", 0, 2, NGUYEN_OPS),
                one("nguyen", "Nguyen-8", "sqrt(x)", "x", 0, 4, NGUYEN_OPS));
    }

    /** The vector field of the Neural-ODE symbolic-regression example, one problem per component. */
    static List<Problem> neuralOde() {
        List<String> xy = List.of("x", "y");
        double[] lo = {0, 0};
        double[] hi = {2, 2};
        return List.of(
                new Problem("node", "dx/dt", "y/(1 + y)", xy, lo, hi, "+,-,*,/"),
                new Problem("node", "dy/dt", "-x/(1 + x)", xy, lo, hi, "+,-,*,/"));
    }

    private static Problem f(String name, String formula, String vars, double lo, double hi) {
        List<String> names = List.of(vars.split(","));
        double[] l = new double[names.size()];
        double[] h = new double[names.size()];
        java.util.Arrays.fill(l, lo);
        java.util.Arrays.fill(h, hi);
        return new Problem("feynman", name, formula, names, l, h, FEYNMAN_OPS);
    }

    /** 20 formulas of the AI Feynman benchmark (Udrescu and Tegmark, 2020), with its input ranges. */
    static List<Problem> feynman() {
        Problem i107 = new Problem("feynman", "I.10.7", "m0/sqrt(1 - v**2/c**2)", List.of("m0", "v", "c"),
                new double[] {1, 1, 3}, new double[] {5, 2, 10}, FEYNMAN_OPS);
        return List.of(
                f("I.6.2a", "exp(-theta**2/2)/sqrt(2*pi)", "theta", 1, 3),
                i107,
                f("I.12.1", "mu*Nn", "mu,Nn", 1, 5),
                f("I.12.2", "q1*q2/(4*pi*epsilon*r**2)", "q1,q2,epsilon,r", 1, 5),
                f("I.12.5", "q2*Ef", "q2,Ef", 1, 5),
                f("I.14.3", "m*g*z", "m,g,z", 1, 5),
                f("I.14.4", "k*x**2/2", "k,x", 1, 5),
                f("I.16.6", "(u + v)/(1 + u*v/c**2)", "c,v,u", 1, 5),
                f("I.18.4", "(m1*r1 + m2*r2)/(m1 + m2)", "m1,m2,r1,r2", 1, 5),
                f("I.25.13", "q/C", "q,C", 1, 5),
                f("I.27.6", "1/(1/d1 + n/d2)", "d1,d2,n", 1, 5),
                f("I.29.4", "omega/c", "omega,c", 1, 10),
                f("I.34.8", "q*v*B/p", "q,v,B,p", 1, 5),
                f("I.39.1", "3*pF*V/2", "pF,V", 1, 5),
                f("I.39.22", "n*kb*T/V", "n,T,V,kb", 1, 5),
                f("I.43.31", "mob*kb*T", "mob,T,kb", 1, 5),
                f("I.47.23", "sqrt(gam*pr/rho)", "gam,pr,rho", 1, 5),
                f("II.3.24", "P/(4*pi*r**2)", "P,r", 1, 5),
                f("II.15.4", "-mom*B*cos(theta)", "mom,B,theta", 1, 5),
                f("II.38.14", "Y/(2*(1 + sigma))", "Y,sigma", 1, 5));
    }

    /**
     * Physics formulas as physicists write them: the SI constants written in (G = 6.674e-11, c =
     * 2.998e8, h = 6.626e-34, kB = 1.381e-23, eps0 = 8.854e-12) and the variables over physical
     * ranges, so constants lie 8 to 83 orders of magnitude from 1, several inside a nonlinear function
     * (issue 19's misses). Operators as the AI Feynman benchmark's.
     */
    static List<Problem> physics() {
        return List.of(
                p("newton", "6.674e-11*m1*m2/r**2", "m1,m2,r", new double[] {1e22, 1e22, 1e6}, new double[] {1e25, 1e25, 1e9}),
                p("coulomb", "q1*q2/(4*pi*8.854e-12*r**2)", "q1,q2,r", new double[] {1e-19, 1e-19, 1e-10},
                        new double[] {1e-17, 1e-17, 1e-8}),
                p("thermal-speed", "sqrt(3*1.381e-23*T/m)", "T,m", new double[] {100, 1e-27}, new double[] {1000, 1e-25}),
                p("lorentz-mass", "m0/sqrt(1 - v**2/2.998e8**2)", "m0,v", new double[] {1, 1e7}, new double[] {5, 2.5e8}),
                p("velocity-addition", "(u + v)/(1 + u*v/2.998e8**2)", "u,v", new double[] {1e7, 1e7},
                        new double[] {2e8, 2e8}),
                p("aberration", "(cos(t) - v/2.998e8)/(1 - v/2.998e8*cos(t))", "t,v", new double[] {0, 1e7},
                        new double[] {3, 2e8}),
                p("time-dilation", "sqrt(1 - 2*6.674e-11*M/(r*2.998e8**2))", "M,r", new double[] {1e30, 1e5},
                        new double[] {1e31, 1e7}),
                p("barometric", "n0*exp(-m*9.81*z/(1.381e-23*T))", "n0,m,z,T", new double[] {1, 1e-26, 0, 200},
                        new double[] {5, 5e-26, 2e4, 400}),
                p("yukawa", "1.44e-9*exp(-r/1.4e-15)/r", "r", new double[] {5e-16}, new double[] {5e-15}),
                p("planck", "2*6.626e-34*f**3/2.998e8**2/(exp(6.626e-34*f/(1.381e-23*T)) - 1)", "f,T",
                        new double[] {1e13, 300}, new double[] {1e15, 6000}),
                p("gw-power", "-(32/5)*6.674e-11**4/2.998e8**5*(m1*m2)**2*(m1 + m2)/r**5", "m1,m2,r",
                        new double[] {1e30, 1e30, 1e8}, new double[] {1e31, 1e31, 1e9}),
                p("larmor", "q**2*a**2/(6*pi*8.854e-12*2.998e8**3)", "q,a", new double[] {1e-19, 1e10},
                        new double[] {1e-17, 1e14}));
    }

    /** The target's name in {@link #units}' specifications; no physics formula has an input of that name. */
    static final String TARGET = "y";

    /** SI units of each physics formula's inputs and target ({@code y}), as {@code sr --units} takes them. */
    private static final Map<String, String> PHYSICS_UNITS = Map.ofEntries(
            Map.entry("newton", "m1=kg,m2=kg,r=m,y=kg*m/s^2"),
            Map.entry("coulomb", "q1=A*s,q2=A*s,r=m,y=kg*m/s^2"),
            Map.entry("thermal-speed", "T=K,m=kg,y=m/s"),
            Map.entry("lorentz-mass", "m0=kg,v=m/s,y=kg"),
            Map.entry("velocity-addition", "u=m/s,v=m/s,y=m/s"),
            Map.entry("aberration", "t=1,v=m/s,y=1"),
            Map.entry("time-dilation", "M=kg,r=m,y=1"),
            Map.entry("barometric", "n0=m^-3,m=kg,z=m,T=K,y=m^-3"),
            Map.entry("yukawa", "r=m,y=kg*m^2/s^2"),
            Map.entry("planck", "f=s^-1,T=K,y=kg/s^2"),
            Map.entry("gw-power", "m1=kg,m2=kg,r=m,y=kg*m^2/s^3"),
            Map.entry("larmor", "q=A*s,a=m/s^2,y=kg*m^2/s^3"));

    /**
     * The SI units of a physics formula's columns, the free constants allowed to carry units (the formulas
     * have G, c, h, kB written in as numbers, so a dimensionless constant could not stand for them).
     *
     * @throws IllegalArgumentException for a problem of another suite: only the physics formulas carry units
     */
    static Units units(Problem p) {
        return Units.parse(unitSpec(p), p.inputs(), TARGET, true);
    }

    /** The specification behind {@link #units}. */
    static String unitSpec(Problem p) {
        String spec = p.suite().equals("physics") ? PHYSICS_UNITS.get(p.name()) : null;
        if (spec == null) {
            throw new IllegalArgumentException("units are known for the physics suite only, not " + p.suite() + " " + p.name());
        }
        return spec;
    }

    private static Problem p(String name, String formula, String vars, double[] lo, double[] hi) {
        return new Problem("physics", name, formula, List.of(vars.split(",")), lo, hi, FeynmanDatabase.BASE_OPERATORS);
    }
}
