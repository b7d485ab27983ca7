/// The words and marks the rules name, so that a rule compares small integers instead of strings.
/// Each token of a sentence carries its keyword (or `.unlisted`); the raw value is the word's spelling.
/// (Raw values are only read once, to build the lexicon; a keyword is stored as a two-byte tag.)
enum Keyword: String, CaseIterable, Sendable {
    case unlisted = ""
    case virtually
    case tolerate
    case tolerates
    case tolerated
    case percentSign = "%"
    case dollarSign = "$"
    case comma = ","
    case period = "."
    case question = "?"
    case exclamation = "!"
    case colon = ":"
    case semicolon = ";"
    case openParen = "("
    case closeParen = ")"
    case dash = "—"
    case a
    case amClock = "a.m"
    case about
    case according
    case across
    case act
    case acts
    case administration
    case advantages
    case advertise
    case advertises
    case after
    case again
    case against
    case all
    case alleviate
    case alleviates
    case almost
    case also
    case always
    case an
    case and
    case another
    case antidepressant
    case anybody
    case anyone
    case appears
    case approval
    case approximately
    case are
    case around
    case `as`
    case asks
    case assume
    case at
    case authorisation
    case authorised
    case authorization
    case authorized
    case authorizes
    case available
    case average
    case away
    case back
    case backed
    case backs
    case banish
    case banishes
    case became
    case because
    case become
    case becomes
    case before
    case began
    case begin
    case begins
    case believe
    case belongs
    case benefit
    case benefits
    case best
    case better
    case blessing
    case bring
    case brings
    case business
    case by
    case calm
    case calms
    case came
    case can
    case carries
    case carry
    case cause
    case caused
    case causes
    case cent
    case clear
    case clearance
    case cleared
    case clears
    case close
    case come
    case comes
    case coming
    case common
    case comparable
    case compared
    case compares
    case compelling
    case completely
    case complication
    case complications
    case conclusive
    case connect
    case connected
    case connects
    case consistent
    case contains
    case convincing
    case couple
    case cure
    case cures
    case daily
    case danger
    case dangers
    case day
    case deliver
    case delivers
    case depends
    case depressed
    case depression
    case depressive
    case designation
    case did
    case differs
    case documented
    case double
    case doubled
    case doubles
    case down
    case downside
    case downsides
    case drug
    case during
    case dust
    case each
    case earned
    case ease
    case eases
    case edge
    case edged
    case edges
    case effect
    case effective
    case effects
    case efficacious
    case eliminate
    case eliminates
    case end
    case entirely
    case equally
    case equivalent
    case erase
    case erases
    case es
    case esketamine
    case eskétamine
    case established
    case estimated
    case ever
    case every
    case everybody
    case everyone
    case evidence
    case exception
    case exceptions
    case exists
    case expect
    case expected
    case fade
    case fades
    case fail
    case fails
    case faster
    case fastest
    case feeling
    case few
    case fewer
    case find
    case finds
    case first
    case following
    case `for`
    case forever
    case found
    case free
    case frequent
    case from
    case full
    case fully
    case gained
    case gave
    case gentlest
    case get
    case gets
    case give
    case given
    case gives
    case go
    case goes
    case gold
    case gone
    case good
    case got
    case granted
    case greater
    case green
    case guaranteed
    case guess
    case half
    case halved
    case halves
    case happens
    case harmless
    case head
    case heads
    case heal
    case heals
    case help
    case helps
    case higher
    case hold
    case holds
    case how
    case hype
    case i
    case `if`
    case imagine
    case `in`
    case include
    case includes
    case indication
    case inferior
    case into
    case involves
    case `is`
    case it
    case just
    case ketalar
    case ketamine
    case kick
    case kicked
    case kicks
    case know
    case knows
    case lack
    case lacks
    case later
    case least
    case leave
    case leaves
    case leaving
    case less
    case lets
    case life
    case light
    case like
    case likely
    case line
    case link
    case linked
    case links
    case little
    case long
    case looks
    case lower
    case makes
    case many
    case matter
    case matters
    case may
    case mdd
    case means
    case more
    case morning
    case most
    case much
    case natural
    case nearly
    case necessary
    case need
    case needed
    case needs
    case never
    case next
    case night
    case no
    case nobody
    case nod
    case none_ = "none"
    case normal
    case not
    case nothing
    case now
    case obtained
    case of
    case off
    case offer
    case offers
    case often
    case on
    case once
    case one
    case only
    case or
    case other
    case our
    case ours
    case ourselves
    case out
    case over
    case overwhelming
    case pmClock = "p.m"
    case par
    case peddle
    case per
    case percent
    case permanently
    case please
    case point
    case pointed
    case points
    case possible
    case post
    case prevalent
    case prevent
    case prevents
    case proven
    case provide
    case provides
    case published
    case quadruples
    case quicker
    case quickest
    case quickly
    case rare
    case reach
    case realise
    case realize
    case received
    case receives
    case recur
    case recurs
    case relapse
    case relapses
    case relieve
    case relieves
    case remains
    case require
    case requires
    case `return`
    case returned
    case returns
    case reverse
    case reverses
    case right
    case risk
    case risks
    case robust
    case roughly
    case runs
    case s
    case safe
    case safest
    case says
    case secured
    case seems
    case sell
    case sells
    case serious
    case settle
    case settles
    case several
    case show
    case shrink
    case shrinks
    case side
    case simply
    case since
    case single
    case smooth
    case smooths
    case so
    case solid
    case some_ = "some"
    case soon
    case sooner
    case soothe
    case soothes
    case sounds
    case spravato
    case standard
    case stands
    case start
    case started
    case starting
    case starts
    case status
    case still
    case strong
    case strongest
    case suitable
    case superior
    case suspect
    case take
    case takes
    case taught
    case teach
    case teaches
    case team
    case tell
    case tells
    case tends
    case than
    case that
    case the
    case they
    case think
    case thinks
    case those
    case thought
    case tie
    case tied
    case ties
    case time
    case times
    case to
    case told
    case took
    case totally
    case tout
    case touts
    case trd
    case treat
    case treats
    case triple
    case tripled
    case triples
    case twice
    case under
    case unlike
    case until
    case up
    case us
    case uses
    case usual
    case varies
    case versus
    case very
    case vs
    case wake
    case wakes
    case walk
    case walks
    case wants
    case warning
    case warnings
    case we
    case wear
    case wears
    case well
    case went
    case what
    case when
    case whether
    case which
    case who
    case why
    case with
    case within
    case without
    case won
    case wont = "won't"
    case wore
    case work
    case works
    case years
    case you
    case youll = "you'll"
    case youre = "you're"
    case youve = "you've"
    case your
    case zero
}

extension Keyword {
    /// `k.isOne(of: .a, .b, …)`: a membership test without building an array, in fixed arities that inline into
    /// plain comparisons.
    @inline(__always) func isOne(of k0: Keyword, _ k1: Keyword) -> Bool {
        self == k0 || self == k1
    }
    @inline(__always) func isOne(of k0: Keyword, _ k1: Keyword, _ k2: Keyword) -> Bool {
        self == k0 || self == k1 || self == k2
    }
    @inline(__always) func isOne(of k0: Keyword, _ k1: Keyword, _ k2: Keyword, _ k3: Keyword) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3
    }
    @inline(__always) func isOne(of k0: Keyword, _ k1: Keyword, _ k2: Keyword, _ k3: Keyword, _ k4: Keyword) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword,
        _ k10: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9 || self == k10
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword,
        _ k10: Keyword,
        _ k11: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9 || self == k10 || self == k11
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword,
        _ k10: Keyword,
        _ k11: Keyword,
        _ k12: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9 || self == k10 || self == k11 || self == k12
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword,
        _ k10: Keyword,
        _ k11: Keyword,
        _ k12: Keyword,
        _ k13: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9 || self == k10 || self == k11 || self == k12 || self == k13
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword,
        _ k10: Keyword,
        _ k11: Keyword,
        _ k12: Keyword,
        _ k13: Keyword,
        _ k14: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9 || self == k10 || self == k11 || self == k12 || self == k13 || self == k14
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword,
        _ k10: Keyword,
        _ k11: Keyword,
        _ k12: Keyword,
        _ k13: Keyword,
        _ k14: Keyword,
        _ k15: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9 || self == k10 || self == k11 || self == k12 || self == k13 || self == k14 || self
            == k15
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword,
        _ k10: Keyword,
        _ k11: Keyword,
        _ k12: Keyword,
        _ k13: Keyword,
        _ k14: Keyword,
        _ k15: Keyword,
        _ k16: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9 || self == k10 || self == k11 || self == k12 || self == k13 || self == k14 || self
            == k15 || self == k16
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword,
        _ k10: Keyword,
        _ k11: Keyword,
        _ k12: Keyword,
        _ k13: Keyword,
        _ k14: Keyword,
        _ k15: Keyword,
        _ k16: Keyword,
        _ k17: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9 || self == k10 || self == k11 || self == k12 || self == k13 || self == k14 || self
            == k15 || self == k16 || self == k17
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword,
        _ k10: Keyword,
        _ k11: Keyword,
        _ k12: Keyword,
        _ k13: Keyword,
        _ k14: Keyword,
        _ k15: Keyword,
        _ k16: Keyword,
        _ k17: Keyword,
        _ k18: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9 || self == k10 || self == k11 || self == k12 || self == k13 || self == k14 || self
            == k15 || self == k16 || self == k17 || self == k18
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword,
        _ k10: Keyword,
        _ k11: Keyword,
        _ k12: Keyword,
        _ k13: Keyword,
        _ k14: Keyword,
        _ k15: Keyword,
        _ k16: Keyword,
        _ k17: Keyword,
        _ k18: Keyword,
        _ k19: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9 || self == k10 || self == k11 || self == k12 || self == k13 || self == k14 || self
            == k15 || self == k16 || self == k17 || self == k18 || self == k19
    }
    @inline(__always) func isOne(
        of k0: Keyword,
        _ k1: Keyword,
        _ k2: Keyword,
        _ k3: Keyword,
        _ k4: Keyword,
        _ k5: Keyword,
        _ k6: Keyword,
        _ k7: Keyword,
        _ k8: Keyword,
        _ k9: Keyword,
        _ k10: Keyword,
        _ k11: Keyword,
        _ k12: Keyword,
        _ k13: Keyword,
        _ k14: Keyword,
        _ k15: Keyword,
        _ k16: Keyword,
        _ k17: Keyword,
        _ k18: Keyword,
        _ k19: Keyword,
        _ k20: Keyword
    ) -> Bool {
        self == k0 || self == k1 || self == k2 || self == k3 || self == k4 || self == k5 || self == k6 || self == k7
            || self == k8 || self == k9 || self == k10 || self == k11 || self == k12 || self == k13 || self == k14 || self
            == k15 || self == k16 || self == k17 || self == k18 || self == k19 || self == k20
    }
}
