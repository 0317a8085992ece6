package gengo

import (
	"testing"
	"time"

	"github.com/apidocgen/apidocgen/generator/genschema"
	"github.com/apidocgen/apidocgen/generator/genschema/schematest"
)

// vhBench times jsonschema/v5 on the payloads in this process (b.N
// validations of the decoded payloads) and the generated Go validators on
// the same payloads in the driver (iterations over all of them): ValidateValue
// on the decoded payloads and ValidateJSON on their text. It reports each
// per payload and the ratios to jsonschema/v5; decoding is left out of
// jsonschema/v5's time and of ValidateValue's, and is part of ValidateJSON's.
func vhBench(b *testing.B, v *genschema.Validator, bin string, cases []vhVcase) {
	vals := make([]any, len(cases))
	for i, c := range cases {
		val, err := vhDecodeAny(c.Payload)
		if err != nil {
			b.Fatal(err)
		}
		vals[i] = val
		if _, err := v.Schema(c.Type, genschema.Mode(c.Mode)); err != nil {
			b.Fatal(err)
		}
	}
	// The driver: enough rounds for about a second of work.
	_, goNs, _ := vhRunDriver(b, bin, cases, 1)
	rounds := 1
	if goNs > 0 {
		rounds = int(1e9/(goNs*float64(len(cases)))) + 1
	}
	_, goNs, textNs := vhRunDriver(b, bin, cases, rounds)
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		c := cases[i%len(cases)]
		_ = v.Validate(c.Type, genschema.Mode(c.Mode), vals[i%len(cases)])
	}
	schemaNs := float64(time.Since(start).Nanoseconds()) / float64(b.N)
	b.StopTimer()
	b.ReportMetric(goNs, "go-ns/payload")
	b.ReportMetric(textNs, "gojson-ns/payload")
	b.ReportMetric(schemaNs, "jsonschema-ns/payload")
	if goNs > 0 && textNs > 0 {
		b.ReportMetric(schemaNs/goNs, "speedup")
		b.ReportMetric(schemaNs/textNs, "speedup-json")
	}
	b.ReportMetric(float64(len(cases)), "payloads")
}

// BenchmarkValidateFixture: the fixture's constraint cases and mutations.
func BenchmarkValidateFixture(b *testing.B) {
	p, v, bin := vhFixtureValidators(b)
	var cases []vhVcase
	for i, c := range schematest.Cases {
		val, _ := vhDecodeAny([]byte(c.Payload))
		cases = append(cases, vhCasesFor(b, p, c.Type, c.Mode, val, c.Name, i)...)
	}
	vhBench(b, v, bin, cases)
}

// BenchmarkValidateCorpus: every graph-v1.0 example payload with a model
// type, and its mutations.
func BenchmarkValidateCorpus(b *testing.B) {
	m := vhCorpusModel(b, "graph-v1.0")
	p := genschema.NewPlan(m)
	v, err := genschema.NewValidator(p)
	if err != nil {
		b.Fatal(err)
	}
	files, err := EmitValidate(m, ValidateSpec{Package: "gen"})
	if err != nil {
		b.Fatal(err)
	}
	bin := vhBuildDriver(b, files)
	vhBench(b, v, bin, vhCorpusCases(b, p, m, true))
}
